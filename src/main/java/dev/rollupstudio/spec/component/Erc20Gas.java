package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.StackSpec;

/** Fees in the user's own ERC-20, which must exist on L1 so the bridge can lock it. */
public final class Erc20Gas extends PricedToken {
    public static final String ID = "erc20";
    public static final Param<String> SYMBOL = Param.text("symbol", "Symbol", "TOKEN", "the token's ticker: the unit of amounts in the explorer and the run report");
    public static final Param<String> L1_ADDRESS = Param.text("l1Address", "L1 token address", "", "the ERC-20 contract on L1")
            .coming("ERC-20 contracts on L1 come with the EVM and the ALT token; until then the bridge locks nothing for it");
    public static final Param<Double> USD_PRICE = Param.decimal("usdPrice", "Price", "USD", 1, 0, 1_000_000, "token price, to convert L1 costs", null);

    public Erc20Gas() {
        super(ID, "Custom ERC-20", "fth-award", "Fees are paid in your own token, which must exist on L1 so the bridge can lock it.",
                SYMBOL, L1_ADDRESS, USD_PRICE);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        if (!get(spec, L1_ADDRESS).matches("0x[0-9a-fA-F]{40}")) {
            out.error(Layer.GAS_TOKEN, "params." + L1_ADDRESS.key(), "a custom gas token needs its L1 token so the bridge can lock it: "
                    + "set the L1 token address (0x and 40 hex digits)", "erc20-needs-l1-token");
        }
    }

    @Override public String symbol(StackSpec s) {
        return get(s, SYMBOL);
    }

    @Override public double usdPrice(StackSpec s, Prices p) {
        return get(s, USD_PRICE);
    }
}
