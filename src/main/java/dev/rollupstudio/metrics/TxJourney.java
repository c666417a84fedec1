package dev.rollupstudio.metrics;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.rollup.TxPool;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows one real transaction from the pool to finality, milestone by milestone, from the
 * runtime's own events. Runs on the runtime's loop thread; {@link #follow} may be called from any
 * thread (it is handed to the loop).
 */
public final class TxJourney implements Consumer<RuntimeEvent> {
    public enum Stage { POOL, L2_BLOCK, BATCH, L1, SAFE, FINALIZED }

    /** One step of the journey, at simulated time. */
    public record Milestone(Stage stage, long atMillis, String detail) {}

    private final RollupRuntime rt;
    private final Consumer<List<Milestone>> onChange;
    private Hash tx;
    private long block = -1;
    private long safeSeenAt = -1;
    private final List<Milestone> milestones = new ArrayList<>();

    public TxJourney(RollupRuntime rt, Consumer<List<Milestone>> onChange) {
        this.rt = rt;
        this.onChange = onChange;
    }

    /** Picks a transaction waiting in the pool now and starts following it. */
    public void follow() {
        rt.scheduler().post(() -> {
            List<TxPool.Entry> pending = rt.node().pool().entries();
            milestones.clear();
            block = -1;
            safeSeenAt = -1;
            tx = null;
            if (pending.isEmpty()) {
                onChange.accept(List.of(new Milestone(Stage.POOL, rt.scheduler().now(), "the pool is empty: raise the load and try again")));
                return;
            }
            TxPool.Entry e = pending.stream().min(java.util.Comparator.comparingLong(TxPool.Entry::arrival)).orElseThrow();
            tx = e.tx().hash();
            add(Stage.POOL, e.submittedAtMillis(), "transaction " + tx.shortHex() + " from " + dev.rollupstudio.chain.Eip55.shortForm(e.sender()) + " waits in the pool");
        });
    }

    @Override public void accept(RuntimeEvent event) {
        if (tx == null) return;
        if (block < 0 && event instanceof BlockSealed b) {
            List<Transaction> txs = b.block().transactions();
            for (int i = 0; i < txs.size(); i++) {
                if (txs.get(i).hash().equals(tx)) {
                    block = b.block().number();
                    add(Stage.L2_BLOCK, event.atMillis(), "sequenced in L2 block " + block + " at position " + i);
                }
            }
        } else if (block >= 0 && event instanceof BatchPosted p && p.firstL2Block() <= block && block <= p.lastL2Block() && !reached(Stage.BATCH)) {
            add(Stage.BATCH, event.atMillis(), "compressed into batch #" + p.batchId() + " with " + p.txCount() + " transactions");
            add(Stage.L1, event.atMillis(), "its data landed in L1 block " + p.l1Block());
            if (safeSeenAt >= 0) safe(safeSeenAt);
        } else if (block >= 0 && event instanceof HeadsAdvanced h) {
            // The verifier reads an L1 block before the batcher hears its batch landed there (same
            // instant): tell the story in causal order.
            if (h.safe() >= block && !reached(Stage.SAFE)) {
                if (reached(Stage.BATCH)) safe(event.atMillis());
                else safeSeenAt = event.atMillis();
            }
            if (h.finalized() >= block && !reached(Stage.FINALIZED)) {
                add(Stage.FINALIZED, event.atMillis(), "finalized: block " + block + " is final");
                tx = null;
            }
        }
    }

    private void safe(long at) {
        add(Stage.SAFE, at, "safe: the verifier rebuilt block " + block + " from L1 data");
    }

    private boolean reached(Stage s) {
        return milestones.stream().anyMatch(m -> m.stage() == s);
    }

    private void add(Stage s, long at, String detail) {
        milestones.add(new Milestone(s, at, detail));
        onChange.accept(List.copyOf(milestones));
    }
}
