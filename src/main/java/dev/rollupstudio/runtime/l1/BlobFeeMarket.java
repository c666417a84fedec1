package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.runtime.config.BlobSchedule;
import java.math.BigInteger;

/**
 * The EIP-4844 blob gas market (reference.md, "blob base fee"): the price is
 * fake_exponential(1, excessBlobGas, F); excess' = max(0, excess + used - target). From Fusaka,
 * EIP-7918 holds the excess while 2^13 * baseFee > 2^17 * blobBaseFee.
 */
public final class BlobFeeMarket {
    private final BlobSchedule schedule;
    private long excessBlobGas;

    public BlobFeeMarket(BlobSchedule schedule, long excessBlobGas) {
        this.schedule = schedule;
        this.excessBlobGas = excessBlobGas;
    }

    public BlobSchedule schedule() {
        return schedule;
    }

    public long excessBlobGas() {
        return excessBlobGas;
    }

    public BigInteger blobBaseFee() {
        return fakeExponential(BigInteger.ONE, BigInteger.valueOf(excessBlobGas), BigInteger.valueOf(schedule.updateFraction));
    }

    /** Applies one block that used {@code blobs} blobs, with {@code executionBaseFee} for the reserve price. */
    public void onBlock(int blobs, BigInteger executionBaseFee) {
        long used = blobs * BlobSchedule.GAS_PER_BLOB;
        long target = schedule.target * BlobSchedule.GAS_PER_BLOB;
        if (excessBlobGas + used < target) {
            excessBlobGas = 0;
            return;
        }
        if (schedule.reservePrice) {
            BigInteger reserve = executionBaseFee.shiftLeft(13);
            if (reserve.compareTo(blobBaseFee().shiftLeft(17)) > 0) {
                long max = schedule.max * BlobSchedule.GAS_PER_BLOB;
                excessBlobGas = excessBlobGas + used * (max - target) / max;
                return;
            }
        }
        excessBlobGas = excessBlobGas + used - target;
    }

    public void restore(long excess) {
        excessBlobGas = excess;
    }

    /** EIP-4844's integer Taylor series for factor * e^(numerator / denominator). */
    public static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
        BigInteger output = BigInteger.ZERO;
        BigInteger acc = factor.multiply(denominator);
        for (int i = 1; acc.signum() > 0; i++) {
            output = output.add(acc);
            acc = acc.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
        }
        return output.divide(denominator);
    }
}
