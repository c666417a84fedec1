package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.RuntimeEvent;

/** The sequencer seals nothing for a minute; a watchdog notices the head standing still; the pool keeps what users send. */
final class SequencerDown extends ActiveFault {
    static final long DOWN_MILLIS = 60_000;
    private long stuckAt;
    private long backAt = -1;
    private int waiting;
    private long droppedBefore;

    SequencerDown(RollupRuntime rt) {
        super(FaultKind.SEQUENCER_DOWN, rt);
    }

    @Override void start() {
        stuckAt = rt.node().chain().head().number();
        droppedBefore = rt.metrics().droppedCount();
        rt.node().sequencer().setDown(true);
        rt.scheduler().at(injectedAt + DOWN_MILLIS, 5, () -> {
            waiting = rt.node().pool().size();
            backAt = now();
            rt.node().sequencer().setDown(false);
        });
    }

    @Override void tick() {
        long blockTime = rt.options().rollup().blockTimeMillis();
        if (!detected() && rt.node().chain().head().number() == stuckAt && now() - injectedAt >= 3 * blockTime) {
            detected("block watchdog: no L2 block for " + secondsSince(injectedAt) + " (3 block times) after block " + stuckAt);
        }
    }

    @Override void onEvent(RuntimeEvent e) {
        if (backAt < 0 || !outcome.equals("under way") || !(e instanceof BlockSealed b)) return;
        long lost = rt.metrics().droppedCount() - droppedBefore;
        outcome = "the sequencer sealed nothing for " + DOWN_MILLIS / 1000 + " s after block " + stuckAt + "; back, it sealed block " + b.block().number()
                + " at once, and the " + waiting + " transaction(s) that waited in the pool went into the next blocks; "
                + (lost == 0 ? "none lost" : lost + " dropped at execution");
    }
}
