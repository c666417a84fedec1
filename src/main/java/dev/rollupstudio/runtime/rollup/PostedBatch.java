package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.TokenAmount;
import dev.rollupstudio.types.Wei;

/**
 * A channel fully published: which L2 blocks it carries, its sizes, blobs, L1 block, the L1 fee
 * (wei), the DA network's own fee (in its unit; 0 on Ethereum) and how long it queued.
 */
public record PostedBatch(long id, long firstL2Block, long lastL2Block, int txCount, long rawBytes, long compressedBytes,
                          int blobs, int l1Txs, long l1Block, Wei l1Fee, TokenAmount daFee, long openedAtMillis,
                          long postedAtMillis, long l1WaitMillis) {}
