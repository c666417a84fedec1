package dev.rollupstudio.app;

import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.DaModel;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.spec.Catalog;
import dev.rollupstudio.spec.DataAvailability;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Estimate;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Risk;
import dev.rollupstudio.spec.RiskView;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import dev.rollupstudio.spec.Workload;
import dev.rollupstudio.spec.component.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A DA layer added in test code only, through the registry, reaches every part of the studio. */
class ThrowawayDaTest {

    /** A queue of 2 s blocks of a configurable size, free, with a rule of its own. */
    static final class QueueDa extends CatalogEntry implements DataAvailability {
        static final Param<Long> BLOCK_KB = Param.integer("blockKB", "Block size", "KB", 512, 1, 100_000, "data one block carries", null);

        QueueDa() {
            super("test-queue", Layer.DATA_AVAILABILITY, "Test queue", "fth-inbox", "A throwaway DA layer defined in a test.", Effect.RUNTIME, BLOCK_KB);
        }

        @Override public void validate(StackSpec spec, Problems out) {
            if (get(spec, BLOCK_KB) < 100) out.warning(Layer.DATA_AVAILABILITY, "params.blockKB", "tiny blocks", "test-queue-tiny");
        }

        @Override public double bytesPerSecond(StackSpec s) { return get(s, BLOCK_KB) * 1000 / 2.0; }
        @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) { return 0.5; }
        @Override public double latencySeconds(StackSpec s) { return 2; }

        @Override public RiskView.Column risk(StackSpec s) {
            return new RiskView.Column("Data availability", RiskView.Level.BAD, "Test queue", "data in a test's memory");
        }

        @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
            setup.rollup(r -> r.withDa(DaConfig.external(new DaModel("Test queue", 2_000, get(spec, BLOCK_KB) * 1000, 0, "", 1, 0, 0))));
        }
    }

    @Test
    void aDaComponentDefinedInATestIsListedValidatedEstimatedRiskRatedAndRuns() {
        Catalog catalog = Catalog.standard().with(new QueueDa());
        assertThat(catalog.forLayer(Layer.DATA_AVAILABILITY)).extracting(c -> c.id()).endsWith("test-queue");
        assertThat(Catalog.standard().component(Layer.DATA_AVAILABILITY, "test-queue")).isNull();

        String json = SpecJson.write(Presets.get("op-stack-blobs")).replace("\"component\" : \"ethereum-blobs\"",
                "\"component\" : \"test-queue\",\n      \"params\" : { \"blockKB\" : 50 }");
        StackSpec spec = SpecJson.read(json, catalog);
        assertThat(spec.dataAvailability()).isInstanceOf(QueueDa.class);

        assertThat(Validator.validate(spec)).extracting(p -> p.rule()).containsExactly("test-queue-tiny");
        Estimate e = Estimator.estimate(spec, new Workload(100, 110, 0.5, 21_000), Prices.defaults());
        assertThat(e.daTps()).isEqualTo(50 * 1000 / 2.0 / 55);
        assertThat(Risk.assess(spec).dataAvailability().value()).isEqualTo("Test queue");
        assertThat(Risk.assess(spec).stage()).isEqualTo("not a rollup");

        List<BatchPosted> batches = new ArrayList<>();
        StackSpec roomy = spec.withParam(Layer.DATA_AVAILABILITY, "blockKB", 5_000L); // a whole channel fits in a block
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(roomy, Prices.defaults(), RuntimeOptions.defaults()));
        rt.events().subscribe(ev -> {
            if (ev instanceof BatchPosted b) batches.add(b);
        });
        Load.start(rt, 50, 0, false, 2_000);
        rt.runFor(3 * 60_000);
        assertThat(rt.node().da().name()).isEqualTo("Test queue");
        assertThat(batches).isNotEmpty();
        assertThat(rt.node().heads().safe()).isPositive();
        assertThat(rt.node().derivation().mismatches()).isZero();
    }
}
