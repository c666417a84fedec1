package dev.rollupstudio.evm;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** What the transaction tells its code: ORIGIN, GASPRICE (the effective price) and BLOBHASH's versioned hashes. */
public record TxEnv(Address origin, BigInteger gasPrice, List<Hash> blobHashes) {}
