package dev.rollupstudio.runtime.config;

import java.math.BigInteger;

/**
 * The token a rollup's fees are paid in, and its price in ETH as a ratio (token units per ETH),
 * so the L1 data fee, which L1 charges in ETH, can be charged in the token.
 */
public record FeeToken(String symbol, long perEthNumerator, long perEthDenominator) {
    public static final FeeToken ETH = new FeeToken("ETH", 1, 1);

    public FeeToken {
        if (perEthNumerator <= 0 || perEthDenominator <= 0) throw new IllegalArgumentException("a gas token's price must be positive");
    }

    /** An amount of ETH (in wei) expressed in the token's smallest unit. */
    public BigInteger fromEth(BigInteger wei) {
        if (perEthNumerator == perEthDenominator) return wei;
        return wei.multiply(BigInteger.valueOf(perEthNumerator)).divide(BigInteger.valueOf(perEthDenominator));
    }
}
