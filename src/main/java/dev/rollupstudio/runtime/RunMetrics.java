package dev.rollupstudio.runtime;

import dev.rollupstudio.types.TokenAmount;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.runtime.rollup.TxRejection;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Counters and latency histograms of one run, written on the runtime's loop thread. */
public final class RunMetrics {
    private long submitted;
    private long included;
    private long rejected;
    private long dropped;
    private final Map<TxRejection.Reason, Long> rejectedByReason = new EnumMap<>(TxRejection.Reason.class);
    private final Histogram inclusionMillis = new Histogram(3_600_000L, 3);
    private final Histogram inclusionWallMicros = new Histogram(3_600_000_000L, 3);
    private final Histogram recentInclusionMillis = new Histogram(3_600_000L, 3);
    private long blocks;
    private long gasUsed;
    private long batches;
    private long daRawBytes;
    private long daCompressedBytes;
    private long blobs;
    private Wei daFeesWei = Wei.ZERO;
    private TokenAmount daNetworkFees = TokenAmount.zero("");
    private long outputs;

    public void submitted() { submitted++; }

    public void rejected(TxRejection.Reason reason) {
        rejected++;
        rejectedByReason.merge(reason, 1L, Long::sum);
    }

    public void dropped() { dropped++; }

    public void included(long simLatencyMillis, long wallLatencyNanos) {
        included++;
        long clamped = Math.max(0, Math.min(simLatencyMillis, inclusionMillis.getHighestTrackableValue()));
        inclusionMillis.recordValue(clamped);
        recentInclusionMillis.recordValue(clamped);
        if (wallLatencyNanos >= 0) inclusionWallMicros.recordValue(Math.min(wallLatencyNanos / 1000, inclusionWallMicros.getHighestTrackableValue()));
    }

    public void block(long gas) {
        blocks++;
        gasUsed += gas;
    }

    public void batch(long raw, long compressed, int blobCount, Wei fee, TokenAmount networkFee) {
        daNetworkFees = daNetworkFees.plus(networkFee);
        batches++;
        daRawBytes += raw;
        daCompressedBytes += compressed;
        blobs += blobCount;
        daFeesWei = daFeesWei.add(fee);
    }

    /** A batch an L1 reorg dropped landed again: its L1 fee is the new landing's, not the orphaned one's. */
    public void batchReposted(Wei orphanedFee, Wei fee) {
        daFeesWei = daFeesWei.subtract(orphanedFee).add(fee);
    }

    public void output() { outputs++; }

    public long submittedCount() { return submitted; }
    public long includedCount() { return included; }
    public long rejectedCount() { return rejected; }
    public long droppedCount() { return dropped; }
    public Map<TxRejection.Reason, Long> rejectedByReason() { return Map.copyOf(rejectedByReason); }
    public long blocks() { return blocks; }
    public long gasUsed() { return gasUsed; }
    public long batches() { return batches; }
    public long daRawBytes() { return daRawBytes; }
    public long daCompressedBytes() { return daCompressedBytes; }
    public long blobs() { return blobs; }
    public Wei daFees() { return daFeesWei; }
    public long outputs() { return outputs; }
    /** Fees paid to an external DA network, in its own unit (see the DA layer's feeUnit). */
    public TokenAmount daNetworkFees() { return daNetworkFees; }

    /** p50 and p99 inclusion latency (sim ms) since the last call, then forgotten: for live charts. */
    public long[] drainRecentInclusion() {
        long[] out = recentInclusionMillis.getTotalCount() == 0 ? new long[] {0, 0}
                : new long[] {recentInclusionMillis.getValueAtPercentile(50), recentInclusionMillis.getValueAtPercentile(99)};
        recentInclusionMillis.reset();
        return out;
    }

    public long inclusionMillis(double percentile) {
        return inclusionMillis.getTotalCount() == 0 ? 0 : inclusionMillis.getValueAtPercentile(percentile);
    }

    public double inclusionWallMillis(double percentile) {
        return inclusionWallMicros.getTotalCount() == 0 ? 0 : inclusionWallMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}
