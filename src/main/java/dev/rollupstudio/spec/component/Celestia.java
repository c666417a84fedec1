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
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** Celestia (reference.md "Celestia"), modelled as a queue of 6 s blocks with PayForBlobs pricing. */
public final class Celestia extends CatalogEntry implements DataAvailability {
    public static final String ID = "celestia";
    /** reference.md "Celestia": 8 gas per blob byte, PayForBlobs ~ 8 * 512 * shares + ~65,000. */
    static final double SHARE_BYTES = 512;
    static final double PFB_GAS = 65_000;
    public static final Param<Long> BLOCK_SECONDS = Param.integer("blockSeconds", "Block time", "s", 6, 1, 60, "time between Celestia blocks", "Celestia: ~6 s blocks");
    public static final Param<Double> BLOCK_MIB = Param.decimal("blockMiB", "Block capacity", "MiB", 8, 0.5, 128, "data one Celestia block can carry",
            "Celestia: 128 x 128 share square = 8 MiB");
    public static final Param<Double> GAS_PRICE_UTIA = Param.decimal("gasPriceUtia", "Gas price", "utia/gas", 0.002, 0.000001, 1_000, "price of Celestia gas",
            "Celestia: min gas price 0.002 utia");
    public static final Param<Boolean> BRIDGED_TO_L1 = Param.bool("bridgedToL1", "Bridged to L1 (Blobstream)", false,
            "L1 contracts can verify that the data was published on Celestia")
            .modelled("Blobstream attestations are not simulated; the verifier reads the data from the modelled Celestia either way");

    public Celestia() {
        super(ID, Layer.DATA_AVAILABILITY, "Celestia", "fth-sun",
                "A separate chain built only to publish data: 6 s blocks of up to 8 MiB, paid in TIA. The rollup posts a small commitment to L1.",
                Effect.runtime("Celestia is modelled as a queue with its block time, capacity and price; no sampling or validators"),
                BLOCK_SECONDS, BLOCK_MIB, GAS_PRICE_UTIA, BRIDGED_TO_L1);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        if (!get(spec, BRIDGED_TO_L1)) {
            out.warning(Layer.DATA_AVAILABILITY, "params.bridgedToL1", "data on Celestia with no bridge to L1: L1 cannot check it was published, "
                    + "so the DA risk is bad; enable Blobstream (bridged to L1)", "celestia-unbridged");
        }
    }

    /** reference.md "Celestia": 8 MiB per ~6 s block. */
    @Override public double bytesPerSecond(StackSpec s) {
        return get(s, BLOCK_MIB) * 1024 * 1024 / get(s, BLOCK_SECONDS);
    }

    @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) {
        double shares = Math.ceil(bytes / SHARE_BYTES);
        double gas = 8 * SHARE_BYTES * shares + PFB_GAS;
        return gas * get(s, GAS_PRICE_UTIA) * 1e-6 * p.tiaUsd() + L1Costs.commitmentUsd(p);
    }

    @Override public double latencySeconds(StackSpec s) {
        return get(s, BLOCK_SECONDS) + L1Costs.SLOT_SECONDS;
    }

    @Override public Column risk(StackSpec s) {
        return new Column("Data availability", Level.BAD, "External (Celestia)", get(s, BRIDGED_TO_L1)
                ? "data on Celestia; Blobstream attests it to L1 but Ethereum does not hold it" : "data on Celestia with no bridge to L1");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withDa(DaConfig.external(DaModel.celestia(get(spec, BLOCK_SECONDS), get(spec, BLOCK_MIB), get(spec, GAS_PRICE_UTIA))
                .withEthPerFeeUnit(prices.tiaUsd() * 1e-6 / prices.ethUsd()))));
    }
}
