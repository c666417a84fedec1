package dev.rollupstudio.runtime.event;

import dev.rollupstudio.types.Hash;

/** Published by the WithdrawalRelayer when the L1 bridge accepts a withdrawal's proof against an output. */
public record WithdrawalProven(long atMillis, Hash withdrawalHash, long l2Block, long outputIndex) implements RuntimeEvent {}
