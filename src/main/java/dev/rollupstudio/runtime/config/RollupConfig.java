package dev.rollupstudio.runtime.config;

import java.math.BigInteger;

/**
 * The parameters of one rollup, one small config per concern: fees, the pool, data
 * availability, batching cadence, the proof system and sequencing. Defaults follow the OP Stack
 * mainnet deploy config (reference.md, "OP Stack"): 2 s blocks, 30M gas, a 7-day challenge window.
 */
public record RollupConfig(long chainId, long blockTimeMillis, long gasLimit, FeeConfig fees, PoolConfig pool, DaConfig da,
                           BatchingConfig batching, ProofSystem proof, SequencingConfig sequencing, LifecycleConfig lifecycle) {

    public static final BigInteger DEFAULT_GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000L);

    public static RollupConfig opStack(long chainId) {
        return new RollupConfig(chainId, 2_000, 30_000_000, FeeConfig.opStack(), PoolConfig.defaults(), DaConfig.blobs(6),
                BatchingConfig.defaults(), ProofSystem.optimistic(604_800), SequencingConfig.single(), LifecycleConfig.PERSISTENT);
    }

    /** The same rollup under another chain id (a further rollup on the same devnet). */
    public RollupConfig withChainId(long id) {
        return new RollupConfig(id, blockTimeMillis, gasLimit, fees, pool, da, batching, proof, sequencing, lifecycle);
    }

    public RollupConfig withBlockTime(long millis) {
        return new RollupConfig(chainId, millis, gasLimit, fees, pool, da, batching, proof, sequencing, lifecycle);
    }

    /**
     * A larger block also gets a pool with room for two blocks of plain transfers, or a full pool
     * could not fill one block (20,000 pending is under half of a 1B-gas block).
     */
    public RollupConfig withGasLimit(long gas) {
        long twoBlocks = Math.min(Integer.MAX_VALUE / 2, 2 * gas / 21_000);
        PoolConfig p = twoBlocks > pool.pendingSlots() ? pool.withCapacity((int) twoBlocks) : pool;
        return new RollupConfig(chainId, blockTimeMillis, gas, fees, p, da, batching, proof, sequencing, lifecycle);
    }

    public RollupConfig withFees(FeeConfig f) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, f, pool, da, batching, proof, sequencing, lifecycle);
    }

    public RollupConfig withPool(PoolConfig p) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, fees, p, da, batching, proof, sequencing, lifecycle);
    }

    public RollupConfig withDa(DaConfig d) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, fees, pool, d, batching, proof, sequencing, lifecycle);
    }

    public RollupConfig withBatching(BatchingConfig b) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, fees, pool, da, b, proof, sequencing, lifecycle);
    }

    public RollupConfig withProof(ProofSystem p) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, fees, pool, da, batching, p, sequencing, lifecycle);
    }

    public RollupConfig withSequencing(SequencingConfig s) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, fees, pool, da, batching, proof, s, lifecycle);
    }

    public RollupConfig withLifecycle(LifecycleConfig l) {
        return new RollupConfig(chainId, blockTimeMillis, gasLimit, fees, pool, da, batching, proof, sequencing, l);
    }

    public RollupConfig withPoolCapacity(int capacity) {
        return withPool(pool.withCapacity(capacity));
    }

    /** Batches go to L1 as calldata, one frame per transaction. */
    public RollupConfig withCalldata() {
        return withDa(DaConfig.calldata());
    }

    public RollupConfig withChallengeWindowSeconds(long seconds) {
        return withProof(ProofSystem.optimistic(seconds));
    }

    public RollupConfig withBurnBaseFee(boolean burn) {
        return withFees(fees.withBurnBaseFee(burn));
    }

    /** The L1 data fee (in wei of ETH) expressed in the gas token. */
    public BigInteger inGasToken(BigInteger wei) {
        return fees.feeToken().fromEth(wei);
    }
}
