package dev.rollupstudio.runtime.config;

import java.math.BigInteger;

/**
 * The token a rollup's fees are paid in, and its price in ETH as a ratio (token units per ETH),
 * so the L1 data fee, which L1 charges in ETH, can be charged in the token. {@code l1Token}: the
 * ERC-20 on the embedded L1 that backs the native coin (its portal locks it on deposit and pays
 * it out on withdrawal, as OP's custom gas token does), or null when ETH backs it.
 */
public record FeeToken(String symbol, long perEthNumerator, long perEthDenominator, dev.rollupstudio.types.Address l1Token) {
    public static final FeeToken ETH = new FeeToken("ETH", 1, 1, null);

    /** A fee token whose native coin ETH still backs (fees converted at the price only). */
    public FeeToken(String symbol, long perEthNumerator, long perEthDenominator) {
        this(symbol, perEthNumerator, perEthDenominator, null);
    }

    public FeeToken {
        if (perEthNumerator <= 0 || perEthDenominator <= 0) throw new IllegalArgumentException("a gas token's price must be positive");
    }

    /** An amount of ETH (in wei) expressed in the token's smallest unit. */
    public BigInteger fromEth(BigInteger wei) {
        if (perEthNumerator == perEthDenominator) return wei;
        return wei.multiply(BigInteger.valueOf(perEthNumerator)).divide(BigInteger.valueOf(perEthDenominator));
    }
}
