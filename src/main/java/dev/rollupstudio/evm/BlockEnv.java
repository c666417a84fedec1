package dev.rollupstudio.evm;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.function.LongFunction;

/**
 * What the block tells the code running in it: COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT,
 * CHAINID, BASEFEE, BLOBBASEFEE, and BLOCKHASH of the 256 blocks before ({@code blockHash} answers
 * for any number in that range).
 */
public record BlockEnv(Address coinbase, long number, long timestamp, long gasLimit, BigInteger baseFee, Hash prevRandao,
                       BigInteger blobBaseFee, long chainId, LongFunction<Hash> blockHash) {}
