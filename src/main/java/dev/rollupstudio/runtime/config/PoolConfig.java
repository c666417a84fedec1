package dev.rollupstudio.runtime.config;

/** What the transaction pool holds: at most {@code capacity} transactions, nonce gaps up to {@code maxNoncesAhead}, each at most {@code maxTxBytes}. */
public record PoolConfig(int capacity, int maxNoncesAhead, int maxTxBytes) {

    /** geth's defaults, roughly: a few thousand slots per account set, 128 KiB per transaction. */
    public static PoolConfig defaults() {
        return new PoolConfig(20_000, 64, 128 * 1024);
    }

    public PoolConfig withCapacity(int c) {
        return new PoolConfig(c, maxNoncesAhead, maxTxBytes);
    }
}
