package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.workload.Load;
import java.util.ArrayList;
import java.util.List;

/**
 * A rollup offered a multiple of what it can carry, in simulated time: 2.1M gas per 2 s block
 * (100 transfers, 50 tx/s) and a pool of 2,000 pending and 500 queued slots. What a tester at the
 * load slider's far end sees: how full blocks stay, how big the pool grows, how long inclusion takes.
 */
public final class OverloadBench {
    public static final long GAS_LIMIT = 2_100_000;
    public static final double CAPACITY_TPS = 50;
    /** Blocks the generator needs to fill the pool before blocks can be full. */
    public static final int WARM_UP_BLOCKS = 5;

    /** Gas used per block in order, the largest pool seen and its bound, the p99 inclusion latency. */
    public record Result(double factor, List<Long> gasUsed, int maxPooled, int poolBound, long p99InclusionMillis) {
        /** The emptiest block after the warm-up, as a fraction of the gas limit. */
        public double minFill() {
            return gasUsed.subList(WARM_UP_BLOCKS, gasUsed.size()).stream().mapToLong(Long::longValue).min().orElse(0) / (double) GAS_LIMIT;
        }

        public double meanFill() {
            return gasUsed.subList(WARM_UP_BLOCKS, gasUsed.size()).stream().mapToLong(Long::longValue).average().orElse(0) / GAS_LIMIT;
        }
    }

    private OverloadBench() {}

    public static Result run(double factor, long simMillis) {
        RuntimeOptions o = RuntimeOptions.defaults();
        RollupRuntime rt = RollupRuntime.inMemory(o.withRollup(o.rollup().withGasLimit(GAS_LIMIT).withPoolCapacity(2_000)));
        List<Long> gasUsed = new ArrayList<>();
        int[] maxPool = {0};
        rt.events().subscribe(e -> {
            if (e instanceof BlockSealed b) gasUsed.add(b.block().header().gasUsed());
            maxPool[0] = Math.max(maxPool[0], rt.status().pooled());
        });
        Load.start(rt, CAPACITY_TPS * factor, 0, false, Long.MAX_VALUE);
        rt.runFor(simMillis);
        Result r = new Result(factor, gasUsed, maxPool[0], rt.options().rollup().pool().capacity(), rt.metrics().inclusionMillis(99));
        rt.close();
        return r;
    }
}
