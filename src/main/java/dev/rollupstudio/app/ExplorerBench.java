package dev.rollupstudio.app;

import dev.rollupstudio.workload.Load;
import dev.rollupstudio.explorer.ExplorerModel.TxRow;
import dev.rollupstudio.explorer.ExplorerQueries;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.sim.WallClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Explorer query times on a big chain: fills a database through the real runtime (signed,
 * executed, stored transfers) until it holds {@code txs} transactions, then times the queries the
 * explorer makes: a page of blocks, block detail, transaction detail, account detail.
 */
public final class ExplorerBench {
    public record Timing(String query, int runs, double p50Millis, double p99Millis, double maxMillis) {}

    public record Result(long transactions, long blocks, double fillSeconds, List<Timing> timings) {}

    private ExplorerBench() {}

    public static Result run(Path db, long txs) {
        // Ordinary 30M-gas blocks filled at the base-fee target (elasticity 2: ~357 transfers a block),
        // so the base fee stays put and block detail is measured on realistic blocks.
        RollupConfig base = RollupConfig.opStack(RuntimeOptions.DEFAULT_CHAIN_ID);
        RollupConfig config = base.withFees(base.fees().withEip1559(50, 2));
        RuntimeOptions options = RuntimeOptions.defaults().withRollup(config).withDatabase(db);
        long t0 = WallClock.nanos();
        long stored;
        try (RollupRuntime rt = Runtimes.open(options)) {
            long have = rt.node().chain().totals().txCount();
            if (have < txs) {
                Load.start(rt, 175, 0.001, false, txs - have);
                rt.scheduler().run(() -> rt.node().chain().totals().txCount() >= txs && rt.node().pool().size() == 0);
            }
            stored = rt.node().chain().totals().txCount();
        }
        double fill = (WallClock.nanos() - t0) / 1e9;
        try (ExplorerQueries q = Explorers.open(db).orElseThrow()) {
            long latest = q.latestBlock();
            SplittableRandom rnd = new SplittableRandom(7);
            List<Timing> timings = new ArrayList<>();
            timings.add(time("page of 100 blocks", 50, () -> q.blocks(rnd.nextLong(Math.max(1, latest - 100)), 100)));
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 50; i++) blocks.add(1 + rnd.nextLong(latest));
            int[] k = {0};
            timings.add(time("block detail", 50, () -> q.block(blocks.get(k[0]++ % blocks.size()))));
            List<TxRow> sample = new ArrayList<>();
            for (long b : blocks.subList(0, 10)) q.block(b).ifPresent(d -> sample.addAll(d.transactions().subList(0, Math.min(10, d.transactions().size()))));
            int[] j = {0};
            timings.add(time("transaction detail", sample.size(), () -> q.transaction(sample.get(j[0]++ % sample.size()).hash())));
            int[] a = {0};
            timings.add(time("account detail (50 latest txs)", 20, () -> q.account(sample.get(a[0]++ % sample.size()).from(), 50)));
            return new Result(stored, latest, fill, timings);
        }
    }

    private static Timing time(String name, int runs, Supplier<?> query) {
        query.get(); // warm the connection and the JIT
        Histogram h = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < runs; i++) {
            long t = WallClock.nanos();
            query.get();
            h.recordValue(WallClock.nanos() - t);
        }
        return new Timing(name, runs, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }
}
