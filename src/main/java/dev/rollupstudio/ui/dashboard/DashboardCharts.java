package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.metrics.ChainSampler.BatchSample;
import dev.rollupstudio.metrics.ChainSampler.BlockSample;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime screen's eight charts and their feed: samples arrive on the runtime thread, queue
 * up, and a background thread writes them into the charts' datasets every 100 ms, so neither
 * the runtime nor the FX thread waits for drawing, however fast blocks come.
 */
public final class DashboardCharts implements AutoCloseable {
    /** Simulated seconds every chart shows, ending at the newest point. */
    public static final double WINDOW_SECONDS = 300;
    private static final String NO_BATCH = "No batch posted yet: the batcher posts a channel when it is full or reaches its maximum age.";
    public final LiveChart throughput = new LiveChart("chart-throughput", "Transactions per second", "Throughput", "rate", "tx/s");
    public final LiveChart refusals = new LiveChart("chart-refusals", "Refused per second, by reason", "Refusals", "rate", "tx/s")
            .whenEmpty("Nothing refused yet: every transaction sent was admitted to the pool.");
    public final LiveChart gas = new LiveChart("chart-gas", "Block gas and L2 base fee", "Gas & fee", "gas", "Mgas");
    public final LiveChart pool = new LiveChart("chart-pool", "Pool size", "Pool", "pending", "tx");
    public final LiveChart batches = new LiveChart("chart-batches", "Batch size and compression", "Batches", "size", "kB").whenEmpty(NO_BATCH);
    public final LiveChart da = new LiveChart("chart-da", "DA cost per batch and blob base fee", "DA cost", "fee", "gwei").whenEmpty(NO_BATCH);
    public final LiveChart heads = new LiveChart("chart-heads", "Head lag behind the unsafe head", "Heads", "lag", "blocks");
    public final LiveChart latency = new LiveChart("chart-latency", "Inclusion latency", "Latency", "latency", "s")
            .whenEmpty("No transaction included yet.");

    private final CircularDoubleErrorDataSet submitted = throughput.series("submitted");
    private final CircularDoubleErrorDataSet included = throughput.series("included");
    private final CircularDoubleErrorDataSet refused = throughput.series("refused");
    private final Map<String, CircularDoubleErrorDataSet> byReason = new ConcurrentHashMap<>();
    private final CircularDoubleErrorDataSet gasUsed = gas.series("gas used");
    private final CircularDoubleErrorDataSet gasLimit = gas.series("gas limit");
    private final CircularDoubleErrorDataSet baseFee = gas.rightSeries("L2 base fee", "base fee", "gwei");
    private final CircularDoubleErrorDataSet poolSize = pool.series("pending");
    private final CircularDoubleErrorDataSet raw = batches.series("raw");
    private final CircularDoubleErrorDataSet compressed = batches.series("compressed");
    private final CircularDoubleErrorDataSet ratio = batches.rightSeries("compressed / raw", "ratio", "×");
    private final CircularDoubleErrorDataSet daFee = da.series("DA cost per batch (L1 + DA network)");
    private final CircularDoubleErrorDataSet blobFee = da.rightSeries("L1 blob base fee", "blob fee", "gwei");
    private final CircularDoubleErrorDataSet safeLag = heads.series("safe lag");
    private final CircularDoubleErrorDataSet finalLag = heads.series("finalized lag");
    private final CircularDoubleErrorDataSet p50 = latency.series("p50");
    private final CircularDoubleErrorDataSet p99 = latency.series("p99");
    private volatile double firstTime = Double.NaN;
    private volatile double lastTime = Double.NaN;
    private final AtomicBoolean framePending = new AtomicBoolean();

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
        return List.of(throughput, refusals, pool, gas, batches, da, heads, latency);
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
            firstTime = Double.NaN;
            lastTime = Double.NaN;
        });
    }

    /**
     * The window every chart shows (FX thread): the last {@link #WINDOW_SECONDS} simulated
     * seconds up to the newest block or batch, so a batch at 432 s sits under the blocks of 432 s.
     */
    public void frame() {
        framePending.set(false);
        double last = lastTime;
        if (Double.isNaN(last)) return;
        double from = Math.max(firstTime, last - WINDOW_SECONDS);
        double to = Math.max(last, from + 10);
        for (LiveChart c : all()) c.frame(from, to);
    }

    private void noteTime(double t) {
        if (Double.isNaN(firstTime)) firstTime = t;
        if (Double.isNaN(lastTime) || t > lastTime) lastTime = t;
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
                s.refusedTpsByReason().forEach((reason, rate) -> add(byReason.computeIfAbsent(reason, refusals::seriesLater), t, rate));
                add(gasUsed, t, s.gasUsed() / 1e6);
                add(gasLimit, t, s.gasLimit() / 1e6);
                add(baseFee, t, s.baseFeeGwei());
                add(poolSize, t, s.poolSize());
                add(safeLag, t, s.unsafe() - s.safe());
                add(finalLag, t, s.unsafe() - s.finalized());
                add(p50, t, s.p50Millis() / 1000.0);
                add(p99, t, s.p99Millis() / 1000.0);
                noteTime(t);
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
            noteTime(t);
            points++;
        }
        if (!Double.isNaN(lastTime) && !framePending.getAndSet(true)) Platform.runLater(this::frame);
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
