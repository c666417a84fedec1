package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.FeeToken;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.GasToken;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;

/** Fees in ETH, bridged from L1. */
public final class EthGas extends CatalogEntry implements GasToken {
    public static final String ID = "eth";

    public EthGas() {
        super(ID, Layer.GAS_TOKEN, "ETH", "fth-droplet", "Fees are paid in ETH, bridged from L1.", Effect.RUNTIME);
    }

    @Override public String symbol(StackSpec s) {
        return "ETH";
    }

    @Override public double usdPrice(StackSpec s, Prices p) {
        return p.ethUsd();
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.fees(f -> f.withFeeToken(FeeToken.ETH));
    }
}
