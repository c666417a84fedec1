package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.metrics.ChainSampler;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.workload.Load;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On an external DA layer the cost of a batch is its L1 commitment plus the DA network's fee: the report and the chart say both. */
class DaCostReportTest {

    @Test
    void celestiasFeeIsInTheReportAndTheDaCostChart() {
        StackSpec spec = Presets.get("op-stack-blobs").with(Layer.DATA_AVAILABILITY, Choice.of(Celestia.ID).with("bridgedToL1", true));
        Prices prices = Prices.defaults();
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, prices, RuntimeOptions.defaults().withSeed(8)));
        List<ChainSampler.BatchSample> samples = new ArrayList<>();
        rt.events().subscribe(new ChainSampler(rt, b -> {}, samples::add));
        Load.start(rt, 100, 0, false, Long.MAX_VALUE);
        rt.runFor(3 * 60_000);

        Map<String, Object> da = (Map<String, Object>) RunReport.of(rt, 1).get("da");
        double utia = (Double) da.get("networkFees");
        assertThat(da).containsEntry("networkFeeUnit", "utia");
        BigInteger networkWei = new BigDecimal(utia * 1e-6 * prices.tiaUsd() / prices.ethUsd() * 1e18).toBigInteger();
        assertThat(new BigInteger((String) da.get("networkFeesWei"))).isEqualTo(networkWei).isGreaterThan(BigInteger.ZERO);
        assertThat(new BigInteger((String) da.get("totalFeesWei"))).isEqualTo(new BigInteger((String) da.get("feesWei")).add(networkWei));

        assertThat(samples).isNotEmpty().allSatisfy(s -> {
            assertThat(s.networkFeeGwei()).isGreaterThan(0);
            assertThat(s.feeGwei()).isEqualTo(s.l1FeeGwei() + s.networkFeeGwei());
        });
        double chartTotalGwei = samples.stream().mapToDouble(ChainSampler.BatchSample::networkFeeGwei).sum();
        assertThat(chartTotalGwei * 1e9).isCloseTo(networkWei.doubleValue(), org.assertj.core.api.Assertions.withinPercentage(0.001));
    }
}
