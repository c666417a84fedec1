package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/** What a block's transactions execute against: its number, parent, time, base fee and L1 origin. */
public record BlockContext(long number, Hash parentHash, long timestampMillis, BigInteger baseFee, long gasLimit, L1Origin origin) {}
