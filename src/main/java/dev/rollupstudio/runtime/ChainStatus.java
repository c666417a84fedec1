package dev.rollupstudio.runtime;

/**
 * A running rollup as any thread may read it: an immutable snapshot the loop thread publishes
 * after every L2 block, L1 slot, batch, output and head change. Screens and reports read this,
 * never the live pool, chain or L1, which belong to the loop thread.
 */
public record ChainStatus(long chainId, long unsafe, long safe, long finalized, long l1Head, int pooled, long submitted, long included,
                          long rejected, long blocks, long batches, long outputs, long simMillis, long dropped,
                          java.util.Map<String, Long> rejectedByReason) {}
