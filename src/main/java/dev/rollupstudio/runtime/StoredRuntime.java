package dev.rollupstudio.runtime;

import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.RollupNode;
import java.math.BigInteger;
import java.util.List;

/** What a store hands back to resume a runtime: the clock, the L1 and the rollup node's resume point. */
public record StoredRuntime(long nowMillis, List<L1Block> l1Blocks, long excessBlobGas, BigInteger l1BaseFee, long l1Finalized,
                            java.util.Map<dev.rollupstudio.types.Hash, byte[]> daBlobs, RollupNode.Resume node) {}
