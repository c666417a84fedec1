package dev.rollupstudio.app;

import dev.rollupstudio.ephemeral.EphemeralRollup;
import dev.rollupstudio.ephemeral.Ephemerals;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.LifecycleConfig;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.sim.WallClock;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ephemeral rollups' costs in wall time and memory: how long from the request to the first block
 * (provisioning zero, a devnet running in real time), and the heap after spawn/dissolve cycles
 * against the heap after the first (each after a full collection).
 */
public final class EphemeralBench {
    /**
     * @param spawnColdMillis the first spawn (on a devnet that has run {@link #STARTUP_MILLIS}), with the spawn's classes still loading
     * @param controlGrowthBytes what the same devnet grows by over the same sim time with no spawns (the L1's and the parent's own chains)
     */
    public record Result(double spawnColdMillis, double spawnP50Millis, double spawnMaxWarmMillis, long heapBeforeBytes, long heapAfterBytes,
                         long controlGrowthBytes, int cycles) {
        /** What the dissolved rollups left behind, per cycle (their archives: blocks, final state, settlement claims). */
        public double retainedPerCycleBytes() {
            return (double) (heapAfterBytes - heapBeforeBytes - controlGrowthBytes) / cycles;
        }

        /** The heap after the cycles against before, less the devnet's own growth: 1.0 means every rollup's memory came back. */
        public double heapRatio() {
            return (double) (heapAfterBytes - controlGrowthBytes) / heapBeforeBytes;
        }
    }

    /** How long the devnet runs before the first spawn. */
    static final long STARTUP_MILLIS = 3_000;

    private EphemeralBench() {}

    static RollupConfig config() {
        return RollupConfig.opStack(0).withChallengeWindowSeconds(60).withLifecycle(LifecycleConfig.ephemeral(30_000, 0, 0));
    }

    public static Result run(int spawns, int cycles) throws Exception {
        RuntimeOptions d = RuntimeOptions.defaults();
        List<Double> spawnMillis = new ArrayList<>();
        RuntimeOptions realtime = new RuntimeOptions(d.rollup(), d.l1(), null, 1, Pace.realtime(1), null, 10, 0);
        try (DevnetHost host = new DevnetHost(RollupRuntime.inMemory(realtime), "parent")) {
            Ephemerals ephemerals = new Ephemerals(host);
            Thread loop = new Thread(host::run, "bench-ephemeral-loop");
            loop.start();
            try {
                // a devnet that is up, as a user's is when they spawn: its first seconds are its own start
                WallClock.sleepMillis(STARTUP_MILLIS);
                for (int i = 0; i < spawns; i++) {
                    long start = WallClock.nanos();
                    var st = ephemerals.request(new Ephemerals.Request("s" + i, config(), BigDecimal.ZERO, host.runtime().accounts().address(0), "bench", java.util.List.of()))
                            .get(10, TimeUnit.SECONDS);
                    long id = st.chainId();
                    while (true) { // ACTIVE and its first block sealed
                        var v = host.rollups().stream().filter(r -> r.chainId() == id).findFirst();
                        if (v.isPresent() && v.get().heads().latest() >= 1) break;
                        Thread.onSpinWait();
                    }
                    spawnMillis.add((WallClock.nanos() - start) / 1e6);
                }
            } finally {
                host.stop();
                loop.join(10_000);
            }
        }
        double cold = spawnMillis.remove(0);
        spawnMillis.sort(Double::compare);

        RuntimeOptions max = new RuntimeOptions(d.rollup(), d.l1(), null, 1, Pace.MAX, null, 10, 0);
        long before = 0, after, from = 0, simMillis;
        try (DevnetHost host = new DevnetHost(RollupRuntime.inMemory(max), "parent")) {
            Ephemerals ephemerals = new Ephemerals(host);
            var scheduler = host.runtime().scheduler();
            for (int i = 0; i <= cycles; i++) {
                EphemeralRollup e = ephemerals.spawn(new Ephemerals.Request("c" + i, config(), BigDecimal.ZERO, host.runtime().accounts().address(0), "bench", java.util.List.of()));
                scheduler.run(() -> e.phase().isEnd());
                if (e.phase() != Phase.DISSOLVED) throw new IllegalStateException("cycle " + i + " ended " + e.phase() + ": " + e.failure());
                if (i == 0) {
                    before = usedHeap();
                    from = scheduler.now();
                }
            }
            after = usedHeap();
            simMillis = scheduler.now() - from;
        }
        long controlGrowth;
        try (DevnetHost host = new DevnetHost(RollupRuntime.inMemory(max), "parent")) { // the same sim time, no spawns
            var scheduler = host.runtime().scheduler();
            long firstCycle = simMillis / cycles;
            scheduler.runUntil(scheduler.now() + firstCycle);
            long b = usedHeap();
            scheduler.runUntil(scheduler.now() + simMillis);
            controlGrowth = usedHeap() - b;
        }
        return new Result(cold, spawnMillis.get(spawnMillis.size() / 2), spawnMillis.get(spawnMillis.size() - 1), before, after, controlGrowth, cycles);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            WallClock.sleepMillis(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
