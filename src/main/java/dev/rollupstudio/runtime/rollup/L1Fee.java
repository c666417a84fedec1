package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Transaction;
import java.math.BigInteger;

/**
 * The OP Stack L1 data fee after Fjord (reference.md, "OP Stack L1 data fee (Fjord)"):
 * estimatedSize = max(100e6, -42,585,600 + 836,500 * fastlzLen(tx));
 * l1Fee = estimatedSize * (16 * l1BaseFee * baseFeeScalar + l1BlobBaseFee * blobBaseFeeScalar) / 1e12.
 */
public final class L1Fee {
    private static final BigInteger E12 = BigInteger.TEN.pow(12);

    private L1Fee() {}

    /** Estimated compressed size scaled by 1e6, from the FastLZ length of the signed transaction. */
    public static long estimatedSize(int fastLzLength) {
        return Math.max(100_000_000L, -42_585_600L + 836_500L * fastLzLength);
    }

    public static BigInteger fee(Transaction tx, BigInteger l1BaseFee, BigInteger l1BlobBaseFee, long baseFeeScalar, long blobBaseFeeScalar) {
        if (tx.isDeposit()) return BigInteger.ZERO;
        return fee(tx.fastLzLength(), l1BaseFee, l1BlobBaseFee, baseFeeScalar, blobBaseFeeScalar);
    }

    public static BigInteger fee(int fastLzLength, BigInteger l1BaseFee, BigInteger l1BlobBaseFee, long baseFeeScalar, long blobBaseFeeScalar) {
        BigInteger scaled = l1BaseFee.multiply(BigInteger.valueOf(16 * baseFeeScalar))
                .add(l1BlobBaseFee.multiply(BigInteger.valueOf(blobBaseFeeScalar)));
        return BigInteger.valueOf(estimatedSize(fastLzLength)).multiply(scaled).divide(E12);
    }
}
