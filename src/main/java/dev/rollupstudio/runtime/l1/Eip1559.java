package dev.rollupstudio.runtime.l1;

import java.math.BigInteger;

/**
 * EIP-1559 base fee update (reference.md, "execution base fee"): target = gasLimit / elasticity,
 * change = baseFee * (gasUsed - target) / target / denominator, at least 1 wei up when above
 * target. Ethereum uses elasticity 2 and denominator 8; the OP Stack 6 and 50.
 */
public final class Eip1559 {
    private Eip1559() {}

    public static BigInteger nextBaseFee(BigInteger baseFee, long gasUsed, long gasLimit, long elasticity, long denominator) {
        long target = gasLimit / elasticity;
        if (gasUsed == target) return baseFee;
        BigInteger t = BigInteger.valueOf(target);
        BigInteger d = BigInteger.valueOf(denominator);
        if (gasUsed > target) {
            BigInteger delta = baseFee.multiply(BigInteger.valueOf(gasUsed - target)).divide(t).divide(d);
            return baseFee.add(delta.max(BigInteger.ONE));
        }
        BigInteger delta = baseFee.multiply(BigInteger.valueOf(target - gasUsed)).divide(t).divide(d);
        return baseFee.subtract(delta).max(BigInteger.ZERO);
    }
}
