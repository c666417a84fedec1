package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;

/** Fees in AltLayer's ALT. */
public final class AltGas extends PricedToken {
    public static final String ID = "alt";

    public AltGas() {
        super(ID, "ALT", "fth-star", "Fees are paid in AltLayer's ALT token, the rollup's native coin: ALT deposited through the portal mints it, "
                + "a withdrawal releases ALT on L1; the L1 data fee is converted at the ALT/ETH price.",
                Effect.runtime("the native coin is ALT, locked in the portal on L1; the dev accounts' genesis balances are backed from the RaaS treasury"));
    }

    @Override dev.rollupstudio.types.Address l1Token(StackSpec spec) {
        return dev.rollupstudio.contracts.Alt.L1_TOKEN;
    }

    @Override public String symbol(StackSpec s) {
        return "ALT";
    }

    @Override public double usdPrice(StackSpec s, Prices p) {
        return p.altUsd();
    }
}
