package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.da.DaModel;
import dev.rollupstudio.runtime.proof.ProofSystem;
import dev.rollupstudio.runtime.security.MachConfig;
import dev.rollupstudio.runtime.security.SequencerSet;
import java.math.BigInteger;

/**
 * The parameters of one rollup, including the behaviour each composed layer selects: the DA
 * layer (Ethereum blobs or calldata, or an external network model), the proof system, the
 * sequencer set, MACH fast finality, and the gas token's price in ETH (for the L1 data fee).
 * Defaults follow the OP Stack mainnet deploy config
 * (reference.md, "OP Stack"): 2 s blocks, 30M gas, EIP-1559 denominator 50 and elasticity 6,
 * Fjord fee scalars; a 7-day challenge window. Batching and output cadence are set for a local
 * runtime where a user wants to see the safe head move within a minute.
 */
public record RollupConfig(long chainId, long blockTimeMillis, long gasLimit, long eip1559Denominator, long eip1559Elasticity,
                           long baseFeeScalar, long blobBaseFeeScalar, boolean burnBaseFee, int poolCapacity, int maxNoncesAhead,
                           int maxTxBytes, boolean useBlobs, int maxBlobsPerTx, int targetFramesPerChannel,
                           int maxChannelDurationL1Blocks, int outputIntervalBlocks, ProofSystem proof, DaModel externalDa,
                           SequencerSet sequencing, MachConfig mach, long gasTokenPerEthNumerator, long gasTokenPerEthDenominator) {

    /** Usable bytes in one blob with the OP Stack blob encoding, minus one byte of version. */
    public static final int MAX_BLOB_FRAME = 130_044 - 1;
    /** Largest frame the batcher puts in calldata (op-batcher's default max L1 tx size). */
    public static final int MAX_CALLDATA_FRAME = 120_000 - 1;
    public static final BigInteger DEFAULT_GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000L);

    public static RollupConfig opStack(long chainId) {
        return new RollupConfig(chainId, 2_000, 30_000_000, 50, 6, 1368, 810_949, false, 20_000, 64, 128 * 1024,
                true, 6, 6, 5, 30, ProofSystem.optimistic(604_800), null, SequencerSet.single(), null, 1, 1);
    }

    public int maxFrameSize() {
        return useBlobs ? MAX_BLOB_FRAME : MAX_CALLDATA_FRAME;
    }

    public RollupConfig withGasLimit(long gas) {
        return toBuilder().gasLimit(gas).build();
    }

    public RollupConfig withPoolCapacity(int capacity) {
        return toBuilder().poolCapacity(capacity).build();
    }

    public RollupConfig withBlockTime(long millis) {
        return toBuilder().blockTimeMillis(millis).build();
    }

    /** Batches go to L1 as calldata, one frame per transaction. */
    public RollupConfig withCalldata() {
        return toBuilder().useBlobs(false).targetFramesPerChannel(1).build();
    }

    public RollupConfig withChallengeWindowSeconds(long seconds) {
        return toBuilder().proof(ProofSystem.optimistic(seconds)).build();
    }

    /** The L1 data fee (in wei of ETH) expressed in the gas token. */
    public java.math.BigInteger inGasToken(java.math.BigInteger wei) {
        if (gasTokenPerEthNumerator == gasTokenPerEthDenominator) return wei;
        return wei.multiply(java.math.BigInteger.valueOf(gasTokenPerEthNumerator)).divide(java.math.BigInteger.valueOf(gasTokenPerEthDenominator));
    }

    public RollupConfig withBurnBaseFee(boolean burn) {
        return toBuilder().burnBaseFee(burn).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for changing several fields at once (what a stack spec does). */
    public static final class Builder {
        private long chainId;
        private long blockTimeMillis;
        private long gasLimit;
        private long eip1559Denominator;
        private long eip1559Elasticity;
        private long baseFeeScalar;
        private long blobBaseFeeScalar;
        private boolean burnBaseFee;
        private int poolCapacity;
        private int maxNoncesAhead;
        private int maxTxBytes;
        private boolean useBlobs;
        private int maxBlobsPerTx;
        private int targetFramesPerChannel;
        private int maxChannelDurationL1Blocks;
        private int outputIntervalBlocks;
        private ProofSystem proof;
        private DaModel externalDa;
        private SequencerSet sequencing;
        private MachConfig mach;
        private long gasTokenPerEthNumerator;
        private long gasTokenPerEthDenominator;

        private Builder(RollupConfig c) {
            chainId = c.chainId;
            blockTimeMillis = c.blockTimeMillis;
            gasLimit = c.gasLimit;
            eip1559Denominator = c.eip1559Denominator;
            eip1559Elasticity = c.eip1559Elasticity;
            baseFeeScalar = c.baseFeeScalar;
            blobBaseFeeScalar = c.blobBaseFeeScalar;
            burnBaseFee = c.burnBaseFee;
            poolCapacity = c.poolCapacity;
            maxNoncesAhead = c.maxNoncesAhead;
            maxTxBytes = c.maxTxBytes;
            useBlobs = c.useBlobs;
            maxBlobsPerTx = c.maxBlobsPerTx;
            targetFramesPerChannel = c.targetFramesPerChannel;
            maxChannelDurationL1Blocks = c.maxChannelDurationL1Blocks;
            outputIntervalBlocks = c.outputIntervalBlocks;
            proof = c.proof;
            externalDa = c.externalDa;
            sequencing = c.sequencing;
            mach = c.mach;
            gasTokenPerEthNumerator = c.gasTokenPerEthNumerator;
            gasTokenPerEthDenominator = c.gasTokenPerEthDenominator;
        }

        public Builder chainId(long v) { chainId = v; return this; }
        public Builder blockTimeMillis(long v) { blockTimeMillis = v; return this; }
        public Builder gasLimit(long v) { gasLimit = v; return this; }
        public Builder eip1559(long denominator, long elasticity) { eip1559Denominator = denominator; eip1559Elasticity = elasticity; return this; }
        public Builder feeScalars(long base, long blob) { baseFeeScalar = base; blobBaseFeeScalar = blob; return this; }
        public Builder burnBaseFee(boolean v) { burnBaseFee = v; return this; }
        public Builder poolCapacity(int v) { poolCapacity = v; return this; }
        public Builder useBlobs(boolean v) { useBlobs = v; return this; }
        public Builder targetFramesPerChannel(int v) { targetFramesPerChannel = v; return this; }
        public Builder maxChannelDurationL1Blocks(int v) { maxChannelDurationL1Blocks = v; return this; }
        public Builder outputIntervalBlocks(int v) { outputIntervalBlocks = v; return this; }
        public Builder maxBlobsPerTx(int v) { maxBlobsPerTx = v; return this; }
        public Builder proof(ProofSystem v) { proof = v; return this; }
        public Builder externalDa(DaModel v) { externalDa = v; return this; }
        public Builder sequencing(SequencerSet v) { sequencing = v; return this; }
        public Builder mach(MachConfig v) { mach = v; return this; }
        public Builder gasTokenPerEth(long numerator, long denominator) { gasTokenPerEthNumerator = numerator; gasTokenPerEthDenominator = denominator; return this; }

        public RollupConfig build() {
            return new RollupConfig(chainId, blockTimeMillis, gasLimit, eip1559Denominator, eip1559Elasticity, baseFeeScalar, blobBaseFeeScalar,
                    burnBaseFee, poolCapacity, maxNoncesAhead, maxTxBytes, useBlobs, maxBlobsPerTx, targetFramesPerChannel,
                    maxChannelDurationL1Blocks, outputIntervalBlocks, proof, externalDa, sequencing, mach, gasTokenPerEthNumerator, gasTokenPerEthDenominator);
        }
    }
}
