package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.DaModel;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.DataAvailability;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** Data kept on this machine: free and instant, with only a commitment on L1. */
public final class LocalDa extends CatalogEntry implements DataAvailability {
    public static final String ID = "local";

    public LocalDa() {
        super(ID, Layer.DATA_AVAILABILITY, "Local only (devnet)", "fth-hard-drive",
                "Data stays on this machine: free and instant, and nobody else can rebuild the chain. For development only.", Effect.RUNTIME);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        out.warning(Layer.DATA_AVAILABILITY, "component", "data stays on this machine, so nobody else can rebuild the chain: use it for devnets only", "local-da");
    }

    @Override public double bytesPerSecond(StackSpec s) {
        return Double.POSITIVE_INFINITY;
    }

    @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) {
        return L1Costs.commitmentUsd(p);
    }

    @Override public double latencySeconds(StackSpec s) {
        return L1Costs.SLOT_SECONDS;
    }

    @Override public Column risk(StackSpec s) {
        return new Column("Data availability", Level.BAD, "Local only", "data stays on the operator's machine");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withDa(DaConfig.external(DaModel.local())));
    }
}
