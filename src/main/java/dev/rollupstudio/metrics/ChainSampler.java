package dev.rollupstudio.metrics;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RunMetrics;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.l1.L1Block;
import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * Turns runtime events into the points the live charts plot: one {@link BlockSample} per L2
 * block and one {@link BatchSample} per posted batch. Runs on the runtime's loop thread.
 */
public final class ChainSampler implements Consumer<RuntimeEvent> {
    private static final double GWEI = 1e9;
    private final RollupRuntime rt;
    private final Consumer<BlockSample> blocks;
    private final Consumer<BatchSample> batches;
    private long lastAt = -1;
    private long lastSubmitted;
    private long lastIncluded;
    private long lastRefused;
    private java.util.Map<dev.rollupstudio.runtime.rollup.TxRejection.Reason, Long> lastByReason = java.util.Map.of();
    private long lastDropped;
    private long safe;
    private long finalized;

    /** A block: throughput, gas, base fee, pool, heads and inclusion latency since the previous one. */
    public record BlockSample(double timeSeconds, long number, double submittedTps, double includedTps, long gasUsed, long gasLimit,
                              double baseFeeGwei, int poolSize, long unsafe, long safe, long finalized, long p50Millis, long p99Millis,
                              double refusedTps, java.util.Map<String, Double> refusedTpsByReason) {}

    /** The series name for transactions dropped at execution, beside the admission reasons' words. */
    public static final String DROPPED = "dropped at execution";

    /**
     * A batch: sizes, the compression ratio, what posting it cost on L1 and on an external DA
     * network (in gwei of ETH at the composer's prices), and the blob base fee it paid.
     */
    public record BatchSample(double timeSeconds, long id, long rawBytes, long compressedBytes, double ratio, double l1FeeGwei,
                              double networkFeeGwei, double blobBaseFeeGwei, int blobs) {
        public double feeGwei() {
            return l1FeeGwei + networkFeeGwei;
        }
    }

    public ChainSampler(RollupRuntime rt, Consumer<BlockSample> blocks, Consumer<BatchSample> batches) {
        this.rt = rt;
        this.blocks = blocks;
        this.batches = batches;
    }

    @Override public void accept(RuntimeEvent e) {
        if (e instanceof HeadsAdvanced h) {
            safe = h.safe();
            finalized = h.finalized();
        } else if (e instanceof BlockSealed b) {
            block(b);
        } else if (e instanceof BatchPosted p) {
            L1Block l1 = rt.l1().block(p.l1Block());
            batches.accept(new BatchSample(seconds(e.atMillis()), p.batchId(), p.rawBytes(), p.compressedBytes(),
                    p.rawBytes() == 0 ? 0 : (double) p.compressedBytes() / p.rawBytes(), p.l1Fee().toGwei(),
                    rt.options().rollup().da().external() == null ? 0 : rt.options().rollup().da().external().inWei(p.daFee().amount()) / 1e9,
                    l1 == null ? 0 : l1.blobBaseFee().doubleValue() / GWEI, p.blobs()));
        }
    }

    private void block(BlockSealed b) {
        RunMetrics m = rt.metrics();
        long now = b.atMillis();
        double dt = lastAt < 0 ? rt.options().rollup().blockTimeMillis() / 1000.0 : Math.max(1e-3, (now - lastAt) / 1000.0);
        long submitted = m.submittedCount();
        long included = m.includedCount();
        long refused = m.rejectedCount() + m.droppedCount();
        long[] latency = m.drainRecentInclusion();
        BigInteger baseFee = b.block().header().baseFeePerGas();
        blocks.accept(new BlockSample(seconds(now), b.block().number(), (submitted - lastSubmitted) / dt, (included - lastIncluded) / dt,
                b.block().header().gasUsed(), b.block().header().gasLimit(), baseFee.doubleValue() / GWEI, rt.node().pool().size(),
                b.block().number(), safe, finalized, latency[0], latency[1], (refused - lastRefused) / dt, refusedByReason(m, dt)));
        lastAt = now;
        lastSubmitted = submitted;
        lastIncluded = included;
        lastRefused = refused;
    }

    /** Refusals per second since the previous block for every reason seen this run (0 where none came this time). */
    private java.util.Map<String, Double> refusedByReason(RunMetrics m, double dt) {
        var now = m.rejectedByReason();
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (var reason : dev.rollupstudio.runtime.rollup.TxRejection.Reason.values()) {
            Long n = now.get(reason);
            if (n != null) out.put(reason.words(), (n - lastByReason.getOrDefault(reason, 0L)) / dt);
        }
        if (m.droppedCount() > 0) out.put(DROPPED, (m.droppedCount() - lastDropped) / dt);
        lastByReason = now;
        lastDropped = m.droppedCount();
        return out;
    }

    private double seconds(long atMillis) {
        return (atMillis - rt.node().genesis().timestamp() * 1000) / 1000.0;
    }
}
