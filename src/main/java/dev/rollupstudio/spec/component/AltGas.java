package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;

/** Fees in AltLayer's ALT. */
public final class AltGas extends PricedToken {
    public static final String ID = "alt";

    public AltGas() {
        super(ID, "ALT", "fth-star", "Fees are paid in AltLayer's ALT token; the L1 data fee is converted at the ALT/ETH price.");
    }

    @Override public String symbol(StackSpec s) {
        return "ALT";
    }

    @Override public double usdPrice(StackSpec s, Prices p) {
        return p.altUsd();
    }
}
