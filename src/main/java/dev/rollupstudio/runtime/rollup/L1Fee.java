package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.FastLz;
import java.math.BigInteger;

/**
 * The OP Stack L1 data fee after Fjord (reference.md, "OP Stack L1 data fee (Fjord)"):
 * estimatedSize = max(100e6, -42,585,600 + 836,500 * fastlzLen(tx));
 * l1Fee = estimatedSize * (16 * l1BaseFee * baseFeeScalar + l1BlobBaseFee * blobBaseFeeScalar) / 1e12.
 */
public final class L1Fee {
    private static final BigInteger E12 = BigInteger.TEN.pow(12);

    private L1Fee() {}

    public static long estimatedSize(byte[] signedTx) {
        return Math.max(100_000_000L, -42_585_600L + 836_500L * FastLz.compressedLength(signedTx));
    }

    public static BigInteger fee(byte[] signedTx, BigInteger l1BaseFee, BigInteger l1BlobBaseFee, long baseFeeScalar, long blobBaseFeeScalar) {
        BigInteger scaled = l1BaseFee.multiply(BigInteger.valueOf(16 * baseFeeScalar))
                .add(l1BlobBaseFee.multiply(BigInteger.valueOf(blobBaseFeeScalar)));
        return BigInteger.valueOf(estimatedSize(signedTx)).multiply(scaled).divide(E12);
    }
}
