package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.types.Address;

/**
 * The sequencer seals nothing for a minute; a watchdog notices the head standing still; the pool
 * keeps what users send. On a SQUAD set only the leader of the moment goes down: once no block has
 * come for the leader timeout the next operator takes the turn over, and blocks go on.
 */
final class SequencerDown extends ActiveFault {
    static final long DOWN_MILLIS = 60_000;
    private long stuckAt;
    private long backAt = -1;
    private int waiting;
    private long droppedBefore;
    private Address leader;
    private String takeover;

    SequencerDown(RollupRuntime rt) {
        super(FaultKind.SEQUENCER_DOWN, rt);
    }

    private SequencerSet set() {
        return rt.options().rollup().sequencing().set();
    }

    @Override void start() {
        var head = rt.node().chain().head();
        stuckAt = head.number();
        droppedBefore = rt.metrics().droppedCount();
        var seq = rt.node().sequencer();
        if (set().mode() == SequencerSet.Mode.SQUAD) {
            long t = head.header().timestamp() * 1000;
            leader = set().leader(stuckAt + 1, head.header().coinbase(), t, t + rt.options().rollup().blockTimeMillis());
            seq.setLeaderDown(leader);
        } else {
            seq.setDown(true);
        }
        rt.scheduler().at(injectedAt + DOWN_MILLIS, 5, () -> {
            waiting = rt.node().pool().size();
            backAt = now();
            if (leader != null) seq.setLeaderDown(null);
            else seq.setDown(false);
        });
    }

    @Override void tick() {
        long blockTime = rt.options().rollup().blockTimeMillis();
        if (!detected() && rt.node().chain().head().number() == stuckAt && now() - injectedAt >= 3 * blockTime) {
            detected("block watchdog: no L2 block for " + secondsSince(injectedAt) + " (3 block times) after block " + stuckAt);
        }
    }

    @Override void onEvent(RuntimeEvent e) {
        if (!(e instanceof BlockSealed b) || !outcome.equals("under way")) return;
        if (leader != null) {
            if (takeover == null && b.block().number() == stuckAt + 1) {
                Address next = b.block().header().coinbase();
                takeover = "SQUAD leader operator-" + (set().indexOf(leader) + 1) + " (" + leader + ") sealed nothing after block " + stuckAt + "; "
                        + secondsSince(injectedAt) + " later, past the leader timeout of " + set().leaderTimeoutMillis() / 1000.0 + " s, operator-"
                        + (set().indexOf(next) + 1) + " took the turn over and sealed block " + b.block().number();
                outcome = takeover + "; the verifier derives who built each block from the blocks' times";
            }
            return;
        }
        if (backAt < 0) return;
        long lost = rt.metrics().droppedCount() - droppedBefore;
        outcome = "the sequencer sealed nothing for " + DOWN_MILLIS / 1000 + " s after block " + stuckAt + "; back, it sealed block " + b.block().number()
                + " at once, and the " + waiting + " transaction(s) that waited in the pool went into the next blocks; "
                + (lost == 0 ? "none lost" : lost + " dropped at execution");
    }
}
