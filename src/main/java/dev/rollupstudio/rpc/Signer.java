package dev.rollupstudio.rpc;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.UnsignedTransaction;

/** Signs for an account the node holds unlocked (the dev accounts), for eth_sendTransaction. */
@FunctionalInterface
public interface Signer {
    Transaction sign(UnsignedTransaction unsigned);
}
