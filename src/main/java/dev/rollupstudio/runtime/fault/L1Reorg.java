package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.event.L1BlockSealed;
import dev.rollupstudio.runtime.event.L1Reorged;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.Sequencer;
import dev.rollupstudio.types.Hash;
import java.util.HashSet;
import java.util.Set;

/**
 * The L1 head loses to a competing block: at the first L1 head that carries one of this rollup's
 * batches (a reorg of a block that carries none would show nothing), that block is replaced by one
 * with the same transactions but not the batches. The verifier goes back to what the block before
 * derives and reads the new one; the batcher's transactions land again; the safe head falls back
 * and comes back. The sequencer builds {@link Sequencer#L1_CONFIRMATIONS} L1 block behind the
 * head, so its chain never moves back.
 */
final class L1Reorg extends ActiveFault {
    static final int DEPTH = Sequencer.L1_CONFIRMATIONS;
    private boolean reorged;
    private Hash orphaned;
    private L1Reorged seen;
    private final Set<Long> batches = new HashSet<>();
    private long landedAgainIn = -1;
    private long unsafe;
    private boolean unsafeMovedBack;

    L1Reorg(RollupRuntime rt) {
        super(FaultKind.L1_REORG, rt);
    }

    @Override void start() {
        unsafe = rt.node().chain().head().number();
    }

    /** Armed until the L1 head carries a batch of this rollup above the finalized block; then that head is replaced. */
    @Override void tick() {
        long now = rt.node().chain().head().number();
        unsafeMovedBack |= now < unsafe;
        unsafe = now;
        if (reorged) return;
        EmbeddedL1 l1 = rt.l1();
        L1Block head = l1.head();
        long chainId = rt.node().config().chainId();
        if (head.number() <= l1.finalizedNumber() || head.batches().stream().noneMatch(t -> t.chainId() == chainId)) return;
        for (BatcherTx t : head.batches()) if (t.chainId() == chainId) batches.add(t.batchId());
        orphaned = head.hash();
        reorged = true;
        l1.reorg(DEPTH);
    }

    @Override void onEvent(RuntimeEvent e) {
        if (e instanceof L1Reorged r && r.chainId() == rt.node().config().chainId() && seen == null) {
            seen = r;
            detected("verifier: L1 block " + r.fromL1() + " is now " + rt.l1().block(r.fromL1()).hash().shortHex() + " (was " + orphaned.shortHex() + ")");
        }
        if (e instanceof L1BlockSealed s && seen != null && landedAgainIn < 0
                && s.block().batches().stream().anyMatch(t -> t.chainId() == seen.chainId() && batches.contains(t.batchId()))) {
            landedAgainIn = s.block().number();
        }
        if (e instanceof HeadsAdvanced h && seen != null && landedAgainIn >= 0 && outcome.equals("under way") && h.safe() > seen.safeAfter()) {
            String safe = seen.safeAfter() < seen.safeBefore() ? "the safe head fell back from " + seen.safeBefore() + " to " + seen.safeAfter()
                    + " (what L1 derives without it) and was at " + h.safe() + " " + secondsSince(injectedAt) + " after the fault"
                    : "the safe head, at " + seen.safeAfter() + ", moved on to " + h.safe() + " " + secondsSince(injectedAt) + " after the fault";
            outcome = String.format(java.util.Locale.ROOT, "L1 block %d was replaced by a competing block without this rollup's %d batch transaction(s);"
                            + " they landed again in L1 block %d; %s; %s; verifier mismatches: %d",
                    seen.fromL1(), seen.batchesRequeued(), landedAgainIn, safe,
                    unsafeMovedBack ? "the unsafe head moved back" : "the unsafe head never moved back (the sequencer builds " + DEPTH + " L1 block behind the head)",
                    rt.node().derivation().mismatches());
        }
    }
}
