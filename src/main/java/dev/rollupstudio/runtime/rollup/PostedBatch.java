package dev.rollupstudio.runtime.rollup;

import java.math.BigInteger;

/** A channel fully on L1: which L2 blocks it carries, its sizes, blobs, L1 block, fee, and how long it queued for L1 space. */
public record PostedBatch(long id, long firstL2Block, long lastL2Block, int txCount, long rawBytes, long compressedBytes,
                          int blobs, int l1Txs, long l1Block, BigInteger feeWei, long openedAtMillis, long postedAtMillis,
                          long l1WaitMillis) {}
