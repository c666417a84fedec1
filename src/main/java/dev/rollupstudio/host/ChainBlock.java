package dev.rollupstudio.host;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** A sealed block as the views serve it: the block and, on a rollup, its L1 origin and each transaction's L1 data fee (else null). */
public record ChainBlock(Block block, dev.rollupstudio.runtime.rollup.L1Origin origin, List<BigInteger> l1Fees) {
    public long number() {
        return block.number();
    }

    public Hash hash() {
        return block.hash();
    }
}
