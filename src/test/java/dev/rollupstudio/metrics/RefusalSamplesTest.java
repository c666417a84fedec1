package dev.rollupstudio.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusals chart's feed: per block, the refusals per second of each reason, adding up to the run's counters. */
class RefusalSamplesTest {

    @Test
    void refusalRatesByReasonAddUpToTheRunsCounters() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(3));
        List<ChainSampler.BlockSample> samples = new ArrayList<>();
        rt.events().subscribe(new ChainSampler(rt, samples::add, b -> {}));
        // ten times what the stack carries: the pool fills and bids fall under the climbing base fee
        dev.rollupstudio.workload.Load.start(rt, 10 * 714, 0, false, Long.MAX_VALUE);
        rt.runFor(40_000);

        var byReason = rt.metrics().rejectedByReason();
        assertThat(byReason).isNotEmpty();
        double blockSeconds = rt.options().rollup().blockTimeMillis() / 1000.0;
        for (var e : byReason.entrySet()) {
            double counted = samples.stream().mapToDouble(s -> s.refusedTpsByReason().getOrDefault(e.getKey().words(), 0.0)).sum() * blockSeconds;
            // refusals after the last block are not in any sample yet
            assertThat(counted).as(e.getKey().words()).isLessThanOrEqualTo(e.getValue()).isGreaterThan(e.getValue() * 0.8);
        }
        // a reason, once seen, stays in every later sample (at 0 when none came), so its line falls back to the floor
        String first = byReason.keySet().iterator().next().words();
        int seen = -1;
        for (int i = 0; i < samples.size(); i++) if (seen < 0 && samples.get(i).refusedTpsByReason().containsKey(first)) seen = i;
        assertThat(samples.subList(seen, samples.size())).allMatch(s -> s.refusedTpsByReason().containsKey(first));
        // the total series is the sum of the reasons
        for (ChainSampler.BlockSample s : samples) {
            assertThat(s.refusedTpsByReason().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(s.refusedTps(),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
