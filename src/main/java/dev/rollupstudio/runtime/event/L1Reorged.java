package dev.rollupstudio.runtime.event;

/**
 * Published by a rollup's node when an L1 reorg replaced L1 blocks from {@code fromL1} on: its
 * verifier went back from safe head {@code safeBefore} to {@code safeAfter} (what the surviving L1
 * blocks derive) to read the new blocks, and {@code batchesRequeued} of its batcher transactions
 * went back to the L1 queue.
 */
public record L1Reorged(long atMillis, long chainId, long fromL1, int depth, long safeBefore, long safeAfter, int batchesRequeued) implements RuntimeEvent {}
