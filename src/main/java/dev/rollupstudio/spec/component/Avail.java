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

/** Avail (reference.md "Avail"), modelled as a queue of 20 s blocks with DA finality after ~40 s. */
public final class Avail extends CatalogEntry implements DataAvailability {
    public static final String ID = "avail";
    public static final Param<Long> BLOCK_SECONDS = Param.integer("blockSeconds", "Block time", "s", 20, 1, 120, "time between Avail blocks",
            "Avail: 4 MB per ~20 s block");
    public static final Param<Double> BLOCK_MB = Param.decimal("blockMB", "Block capacity", "MB", 4, 0.5, 128, "data one Avail block can carry",
            "Avail: 4 MB per ~20 s block");
    public static final Param<Long> FINALITY_SECONDS = Param.integer("finalitySeconds", "DA finality", "s", 40, 1, 3_600,
            "time until the data is final on Avail", "Avail: DA finality ~40 s");
    public static final Param<Double> USD_PER_MB = Param.decimal("usdPerMB", "Price", "USD/MB", 0.05, 0, 1_000, "price of a megabyte (a parameter)", null);

    public Avail() {
        super(ID, Layer.DATA_AVAILABILITY, "Avail", "fth-grid", "A data availability chain with 20 s blocks of 4 MB and data finality after about 40 s.",
                Effect.runtime("Avail is modelled as a queue with its block time, capacity, finality and price"),
                BLOCK_SECONDS, BLOCK_MB, FINALITY_SECONDS, USD_PER_MB);
    }

    /** reference.md "Avail": 4 MB per ~20 s block. */
    @Override public double bytesPerSecond(StackSpec s) {
        return get(s, BLOCK_MB) * 1e6 / get(s, BLOCK_SECONDS);
    }

    @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) {
        return bytes / 1e6 * get(s, USD_PER_MB) + L1Costs.commitmentUsd(p);
    }

    @Override public double latencySeconds(StackSpec s) {
        return get(s, FINALITY_SECONDS) + L1Costs.SLOT_SECONDS;
    }

    @Override public Column risk(StackSpec s) {
        return new Column("Data availability", Level.BAD, "External (Avail)", "data on Avail, not on Ethereum");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withDa(DaConfig.external(DaModel.avail(get(spec, BLOCK_SECONDS), get(spec, BLOCK_MB), get(spec, FINALITY_SECONDS),
                get(spec, USD_PER_MB)).withEthPerFeeUnit(1 / prices.ethUsd()))));
    }
}
