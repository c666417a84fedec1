package dev.rollupstudio.spec;

/** The token fees are paid in. */
public interface GasToken extends Component {
    String symbol(StackSpec s);

    /** The token's USD price, to convert L1 costs charged in ETH. */
    double usdPrice(StackSpec s, Prices p);
}
