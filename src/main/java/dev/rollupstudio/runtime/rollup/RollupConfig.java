package dev.rollupstudio.runtime.rollup;

import java.math.BigInteger;

/**
 * The parameters of one rollup. Defaults follow the OP Stack mainnet deploy config
 * (reference.md, "OP Stack"): 2 s blocks, 30M gas, EIP-1559 denominator 50 and elasticity 6,
 * Fjord fee scalars; a 7-day challenge window. Batching and output cadence are set for a local
 * runtime where a user wants to see the safe head move within a minute.
 */
public record RollupConfig(long chainId, long blockTimeMillis, long gasLimit, long eip1559Denominator, long eip1559Elasticity,
                           long baseFeeScalar, long blobBaseFeeScalar, boolean burnBaseFee, int poolCapacity, int maxNoncesAhead,
                           int maxTxBytes, boolean useBlobs, int maxBlobsPerTx, int targetFramesPerChannel,
                           int maxChannelDurationL1Blocks, int outputIntervalBlocks, long challengeWindowSeconds) {

    /** Usable bytes in one blob with the OP Stack blob encoding, minus one byte of version. */
    public static final int MAX_BLOB_FRAME = 130_044 - 1;
    /** Largest frame the batcher puts in calldata (op-batcher's default max L1 tx size). */
    public static final int MAX_CALLDATA_FRAME = 120_000 - 1;
    public static final BigInteger DEFAULT_GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000L);

    public static RollupConfig opStack(long chainId) {
        return new RollupConfig(chainId, 2_000, 30_000_000, 50, 6, 1368, 810_949, false, 20_000, 64, 128 * 1024,
                true, 6, 6, 5, 30, 604_800);
    }

    public int maxFrameSize() {
        return useBlobs ? MAX_BLOB_FRAME : MAX_CALLDATA_FRAME;
    }

    public RollupConfig withGasLimit(long gas) {
        return new RollupConfig(chainId, blockTimeMillis, gas, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                burnBaseFee, poolCapacity, maxNoncesAhead, maxTxBytes, useBlobs, maxBlobsPerTx, targetFramesPerChannel,
                maxChannelDurationL1Blocks, outputIntervalBlocks, challengeWindowSeconds);
    }

    public RollupConfig withPoolCapacity(int capacity) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                burnBaseFee, capacity, maxNoncesAhead, maxTxBytes, useBlobs, maxBlobsPerTx, targetFramesPerChannel,
                maxChannelDurationL1Blocks, outputIntervalBlocks, challengeWindowSeconds);
    }

    public RollupConfig withBlockTime(long millis) {
        return new RollupConfig(chainId, millis, gasLimit, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                burnBaseFee, poolCapacity, maxNoncesAhead, maxTxBytes, useBlobs, maxBlobsPerTx, targetFramesPerChannel,
                maxChannelDurationL1Blocks, outputIntervalBlocks, challengeWindowSeconds);
    }

    public RollupConfig withCalldata() {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                burnBaseFee, poolCapacity, maxNoncesAhead, maxTxBytes, false, maxBlobsPerTx, 1,
                maxChannelDurationL1Blocks, outputIntervalBlocks, challengeWindowSeconds);
    }

    public RollupConfig withChallengeWindowSeconds(long seconds) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                burnBaseFee, poolCapacity, maxNoncesAhead, maxTxBytes, useBlobs, maxBlobsPerTx, targetFramesPerChannel,
                maxChannelDurationL1Blocks, outputIntervalBlocks, seconds);
    }

    public RollupConfig withBurnBaseFee(boolean burn) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                burn, poolCapacity, maxNoncesAhead, maxTxBytes, useBlobs, maxBlobsPerTx, targetFramesPerChannel,
                maxChannelDurationL1Blocks, outputIntervalBlocks, challengeWindowSeconds);
    }
}
