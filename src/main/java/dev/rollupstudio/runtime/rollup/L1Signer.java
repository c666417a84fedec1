package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.types.Address;
import java.util.function.Function;

/** An L1 account the rollup's relayer sends from: its address and how to sign for it (the key stays with the caller). */
public record L1Signer(Address address, Function<UnsignedTransaction, Transaction> sign) {}
