package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * One block of the embedded L1: its fee markets as they stood when it was built, and what it
 * carried for the rollups (batcher transactions, output proposals, bridge deposits).
 */
public record L1Block(long number, Hash hash, Hash parentHash, long timestampMillis, BigInteger baseFee, BigInteger blobBaseFee,
                      long gasUsed, int blobsUsed, List<BatcherTx> batches, List<OutputProposal> outputs, List<Deposit> deposits) {

    public long timestampSeconds() {
        return timestampMillis / 1000;
    }
}
