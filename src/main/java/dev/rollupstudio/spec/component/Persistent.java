package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Lifecycle;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import java.math.BigDecimal;
import java.util.OptionalLong;

/** A rollup that runs until it is stopped. */
public final class Persistent extends CatalogEntry implements Lifecycle {
    public static final String ID = "persistent";
    public static final Param<Double> DEPLOYMENT_FEE = Param.decimal("deploymentFeeAlt", "RaaS deployment fee", "ALT", 1_000, 0, 1_000_000_000,
            "paid once in ALT, from your account to the RaaS treasury on L1, when the stack launches (pricing unconfirmed: a parameter)",
            "AltLayer concepts: ALT uses (fees: RaaS deployment)");

    public Persistent() {
        super(ID, Layer.LIFECYCLE, "Persistent", "fth-repeat", "Runs until its operators decide otherwise.", Effect.RUNTIME, DEPLOYMENT_FEE);
    }

    @Override public BigDecimal launchFeeAlt(StackSpec s) {
        return BigDecimal.valueOf(get(s, DEPLOYMENT_FEE));
    }

    @Override public OptionalLong lifetimeSeconds(StackSpec s) {
        return OptionalLong.empty();
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        // runs until stopped: what every runtime does
    }
}
