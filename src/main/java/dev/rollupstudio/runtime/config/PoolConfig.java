package dev.rollupstudio.runtime.config;

/**
 * What the transaction pool holds, in geth's two sections: at most {@code pendingSlots} runnable
 * transactions (each sender's contiguous run from its account nonce) and at most
 * {@code queuedSlots} waiting behind a nonce gap, gaps of at most {@code maxNoncesAhead}, each
 * transaction at most {@code maxTxBytes}.
 */
public record PoolConfig(int pendingSlots, int queuedSlots, int maxNoncesAhead, int maxTxBytes) {

    /** geth's proportions (4,096 pending to 1,024 queued), scaled to a rollup's larger blocks; 128 KiB per transaction. */
    public static PoolConfig defaults() {
        return new PoolConfig(20_000, 5_000, 64, 128 * 1024);
    }

    /** The same pool with room for this many pending transactions and a quarter as many queued. */
    public PoolConfig withCapacity(int pending) {
        return new PoolConfig(pending, Math.max(1, pending / 4), maxNoncesAhead, maxTxBytes);
    }

    public PoolConfig withQueuedSlots(int queued) {
        return new PoolConfig(pendingSlots, queued, maxNoncesAhead, maxTxBytes);
    }

    /** Both sections together: the most the pool ever holds. */
    public int capacity() {
        return pendingSlots + queuedSlots;
    }
}
