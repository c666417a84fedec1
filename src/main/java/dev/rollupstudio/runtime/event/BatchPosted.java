package dev.rollupstudio.runtime.event;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.TokenAmount;

/** Published by the Batcher when every frame of a channel is on L1; {@code l1WaitMillis} is how long it queued for space. */
public record BatchPosted(long atMillis, long batchId, long firstL2Block, long lastL2Block, int txCount, long rawBytes,
                          long compressedBytes, int blobs, long l1Block, Wei l1Fee, TokenAmount daFee, long l1WaitMillis) implements RuntimeEvent {}
