package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.FeeToken;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.GasToken;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;

/** A gas token other than ETH: the L1 data fee, which L1 charges in ETH, is charged in the token at the prices given. */
abstract class PricedToken extends CatalogEntry implements GasToken {

    PricedToken(String id, String name, String iconKey, String explanation, Param<?>... params) {
        this(id, name, iconKey, explanation, Effect.runtime("fees are charged in the token at its price; balances stay in the chain's native unit"), params);
    }

    PricedToken(String id, String name, String iconKey, String explanation, Effect effect, Param<?>... params) {
        super(id, Layer.GAS_TOKEN, name, iconKey, explanation, effect, params);
    }

    /** The ERC-20 on the embedded L1 that backs the native coin, or null if ETH still does. */
    dev.rollupstudio.types.Address l1Token(StackSpec spec) {
        return null;
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        FeeToken token = new FeeToken(symbol(spec), Math.round(prices.ethUsd() * 1_000_000), Math.max(1, Math.round(usdPrice(spec, prices) * 1_000_000)),
                l1Token(spec));
        setup.fees(f -> f.withFeeToken(token));
    }
}
