package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.DaModel;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.DataAvailability;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** EigenDA (reference.md "EigenDA"), modelled as bandwidth with an attestation delay. */
public final class EigenDa extends CatalogEntry implements DataAvailability {
    public static final String ID = "eigenda";
    public static final Param<Double> THROUGHPUT = Param.decimal("throughputMBps", "Throughput", "MB/s", 10, 0.1, 1_000, "bandwidth of the service",
            "EigenDA: 10 MB/s at launch");
    public static final Param<Double> USD_PER_MB = Param.decimal("usdPerMB", "Price", "USD/MB", 0.01, 0, 1_000,
            "price of a megabyte (vendor pricing; a parameter)", null);
    public static final Param<Long> ATTESTATION_SECONDS = Param.integer("attestationSeconds", "Attestation time", "s", 12, 1, 3_600,
            "time until the committee signs that the data is stored", null);
    public static final Param<Long> QUORUM_PCT = Param.integer("quorumPct", "Committee threshold", "%", 55, 1, 100,
            "share of the committee's stake that must sign", null)
            .modelled("the committee is not simulated: data is available once the attestation time has passed");

    public EigenDa() {
        super(ID, Layer.DATA_AVAILABILITY, "EigenDA", "fth-shield",
                "A data availability service run by EigenLayer restakers: high throughput priced by reserved bandwidth; a committee attests the data was stored.",
                Effect.runtime("EigenDA is modelled as a queue with its bandwidth, attestation time and price"),
                THROUGHPUT, USD_PER_MB, ATTESTATION_SECONDS, QUORUM_PCT);
    }

    /** reference.md "EigenDA": 10 MB/s at launch. */
    @Override public double bytesPerSecond(StackSpec s) {
        return get(s, THROUGHPUT) * 1e6;
    }

    @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) {
        return bytes / 1e6 * get(s, USD_PER_MB) + L1Costs.commitmentUsd(p);
    }

    @Override public double latencySeconds(StackSpec s) {
        return get(s, ATTESTATION_SECONDS) + L1Costs.SLOT_SECONDS;
    }

    @Override public Column risk(StackSpec s) {
        long q = get(s, QUORUM_PCT);
        return new Column("Data availability", q >= 66 ? Level.WARNING : Level.BAD, "External committee (" + q + "%)",
                "a restaked committee signs that it stores the data");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withDa(DaConfig.external(DaModel.eigenDa(get(spec, THROUGHPUT), get(spec, USD_PER_MB), get(spec, ATTESTATION_SECONDS)).withEthPerFeeUnit(1 / prices.ethUsd()))));
    }
}
