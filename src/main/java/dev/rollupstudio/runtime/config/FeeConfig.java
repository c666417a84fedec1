package dev.rollupstudio.runtime.config;

import dev.rollupstudio.types.Wei;

/**
 * How a rollup prices gas: EIP-1559 (denominator and elasticity), a floor under the base fee
 * (Arbitrum's minimum; zero elsewhere), the OP Stack's Fjord L1 data fee scalars, whether the
 * base fee is burnt or goes to the vault, and the token fees are paid in.
 */
public record FeeConfig(long eip1559Denominator, long eip1559Elasticity, Wei minBaseFee, long baseFeeScalar, long blobBaseFeeScalar,
                        boolean burnBaseFee, FeeToken feeToken) {

    /** reference.md "OP Stack": denominator 50, elasticity 6, baseFeeScalar 1368, blobBaseFeeScalar 810,949. */
    public static FeeConfig opStack() {
        return new FeeConfig(50, 6, Wei.ZERO, 1368, 810_949, false, FeeToken.ETH);
    }

    public FeeConfig withEip1559(long denominator, long elasticity) {
        return new FeeConfig(denominator, elasticity, minBaseFee, baseFeeScalar, blobBaseFeeScalar, burnBaseFee, feeToken);
    }

    public FeeConfig withMinBaseFee(Wei floor) {
        return new FeeConfig(eip1559Denominator, eip1559Elasticity, floor, baseFeeScalar, blobBaseFeeScalar, burnBaseFee, feeToken);
    }

    public FeeConfig withScalars(long base, long blob) {
        return new FeeConfig(eip1559Denominator, eip1559Elasticity, minBaseFee, base, blob, burnBaseFee, feeToken);
    }

    public FeeConfig withBurnBaseFee(boolean burn) {
        return new FeeConfig(eip1559Denominator, eip1559Elasticity, minBaseFee, baseFeeScalar, blobBaseFeeScalar, burn, feeToken);
    }

    public FeeConfig withFeeToken(FeeToken token) {
        return new FeeConfig(eip1559Denominator, eip1559Elasticity, minBaseFee, baseFeeScalar, blobBaseFeeScalar, burnBaseFee, token);
    }
}
