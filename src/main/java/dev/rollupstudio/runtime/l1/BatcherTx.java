package dev.rollupstudio.runtime.l1;

import java.math.BigInteger;

/**
 * A batcher transaction to the rollup's inbox: frames carried in blobs or in calldata.
 * {@code l1Block}, {@code feePaid} and {@code includedAtMillis} are set when it is included.
 */
public record BatcherTx(long chainId, long batchId, byte[] data, int blobs, long submittedAtMillis, long submittedAtL1Block,
                        long l1Block, BigInteger feePaid, long includedAtMillis) {

    public boolean usesBlobs() {
        return blobs > 0;
    }

    /** L1 gas of the transaction: 21,000, plus for calldata the EIP-7623 floor of 10 gas per token. */
    public long executionGas() {
        if (usesBlobs()) return 21_000;
        long tokens = 0;
        for (byte b : data) tokens += b == 0 ? 1 : 4;
        return 21_000 + Math.max(4 * tokens, 10 * tokens);
    }

    BatcherTx included(long block, BigInteger fee, long atMillis) {
        return new BatcherTx(chainId, batchId, data, blobs, submittedAtMillis, submittedAtL1Block, block, fee, atMillis);
    }
}
