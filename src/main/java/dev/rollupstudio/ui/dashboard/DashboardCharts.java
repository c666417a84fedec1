package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.metrics.ChainSampler.BatchSample;
import dev.rollupstudio.metrics.ChainSampler.BlockSample;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime screen's seven charts and their feed: samples arrive on the runtime thread, queue
 * up, and a background thread writes them into the charts' datasets every 100 ms, so neither
 * the runtime nor the FX thread waits for drawing, however fast blocks come.
 */
public final class DashboardCharts implements AutoCloseable {
    public final LiveChart throughput = new LiveChart("chart-throughput", "Transactions per second", "rate", "tx/s");
    public final LiveChart gas = new LiveChart("chart-gas", "Block gas and L2 base fee", "gas", "Mgas");
    public final LiveChart pool = new LiveChart("chart-pool", "Pool size", "pending", "tx");
    public final LiveChart batches = new LiveChart("chart-batches", "Batch size and compression", "size", "kB");
    public final LiveChart da = new LiveChart("chart-da", "DA cost per batch and blob base fee", "fee", "gwei");
    public final LiveChart heads = new LiveChart("chart-heads", "Head lag behind the unsafe head", "lag", "blocks");
    public final LiveChart latency = new LiveChart("chart-latency", "Inclusion latency", "latency", "s");

    private final CircularDoubleErrorDataSet submitted = throughput.series("submitted");
    private final CircularDoubleErrorDataSet included = throughput.series("included");
    private final CircularDoubleErrorDataSet refused = throughput.series("refused");
    private final CircularDoubleErrorDataSet gasUsed = gas.series("gas used");
    private final CircularDoubleErrorDataSet gasLimit = gas.series("gas limit");
    private final CircularDoubleErrorDataSet baseFee = gas.rightSeries("L2 base fee", "base fee", "gwei");
    private final CircularDoubleErrorDataSet poolSize = pool.series("pending");
    private final CircularDoubleErrorDataSet raw = batches.series("raw");
    private final CircularDoubleErrorDataSet compressed = batches.series("compressed");
    private final CircularDoubleErrorDataSet ratio = batches.rightSeries("compressed / raw", "ratio", "×");
    private final CircularDoubleErrorDataSet daFee = da.series("DA cost per batch (L1 + DA network)");
    private final CircularDoubleErrorDataSet blobFee = da.rightSeries("L1 blob base fee", "blob base fee", "gwei");
    private final CircularDoubleErrorDataSet safeLag = heads.series("safe lag");
    private final CircularDoubleErrorDataSet finalLag = heads.series("finalized lag");
    private final CircularDoubleErrorDataSet p50 = latency.series("p50");
    private final CircularDoubleErrorDataSet p99 = latency.series("p99");

    private final ConcurrentLinkedQueue<BlockSample> blockQueue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<BatchSample> batchQueue = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chart-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile long points;

    public DashboardCharts() {
        writer.scheduleWithFixedDelay(this::flushSafely, 100, 100, TimeUnit.MILLISECONDS);
    }

    public List<LiveChart> all() {
        return List.of(throughput, gas, pool, batches, da, heads, latency);
    }

    /** Runtime thread: queue a block's point. */
    public void onBlock(BlockSample s) {
        blockQueue.add(s);
    }

    public void onBatch(BatchSample s) {
        batchQueue.add(s);
    }

    public void clear() {
        blockQueue.clear();
        batchQueue.clear();
        writer.execute(() -> {
            for (LiveChart c : all()) for (CircularDoubleErrorDataSet ds : c.seriesList()) ds.reset();
        });
    }

    /** How many points have reached the charts (for tests and the monitor). */
    public long points() {
        return points;
    }

    /** A scheduled task that throws is cancelled for good: report the error and keep feeding. */
    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DashboardCharts.class).warn("a chart update failed", e);
        }
    }

    private void flush() {
        List<BlockSample> bs = drain(blockQueue);
        if (!bs.isEmpty()) {
            for (BlockSample s : bs) {
                double t = s.timeSeconds();
                add(submitted, t, s.submittedTps());
                add(included, t, s.includedTps());
                add(refused, t, s.refusedTps());
                add(gasUsed, t, s.gasUsed() / 1e6);
                add(gasLimit, t, s.gasLimit() / 1e6);
                add(baseFee, t, s.baseFeeGwei());
                add(poolSize, t, s.poolSize());
                add(safeLag, t, s.unsafe() - s.safe());
                add(finalLag, t, s.unsafe() - s.finalized());
                add(p50, t, s.p50Millis() / 1000.0);
                add(p99, t, s.p99Millis() / 1000.0);
            }
            points += bs.size();
        }
        for (BatchSample s : drain(batchQueue)) {
            double t = s.timeSeconds();
            add(raw, t, s.rawBytes() / 1000.0);
            add(compressed, t, s.compressedBytes() / 1000.0);
            add(ratio, t, s.ratio());
            add(daFee, t, s.feeGwei());
            add(blobFee, t, s.blobBaseFeeGwei());
            points++;
        }
    }

    private static void add(CircularDoubleErrorDataSet ds, double x, double y) {
        ds.add(x, y, 0, 0);
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> q) {
        List<T> out = new ArrayList<>();
        for (T t; (t = q.poll()) != null && out.size() < 10_000; ) out.add(t);
        return out;
    }

    @Override public void close() {
        writer.shutdownNow();
    }
}
