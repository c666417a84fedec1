package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Hash;

/** An output root for an L2 block, as the output oracle stores it. */
public record OutputProposal(long chainId, long index, long l2BlockNumber, Hash outputRoot, long l1Block, long l1TimestampMillis) {}
