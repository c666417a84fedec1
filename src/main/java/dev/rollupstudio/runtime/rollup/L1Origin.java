package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/** The L1 block an L2 block builds on: its fees price the L1 data fee, its deposits open the epoch. */
public record L1Origin(long number, Hash hash, BigInteger baseFee, BigInteger blobBaseFee, long timestampMillis) {

    public static L1Origin of(L1Block b) {
        return new L1Origin(b.number(), b.hash(), b.baseFee(), b.blobBaseFee(), b.timestampMillis());
    }
}
