package dev.rollupstudio.runtime.event;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;

/** Published by the WithdrawalRelayer when the bridge pays a withdrawal on L1 after the challenge window. */
public record WithdrawalFinalized(long atMillis, Hash withdrawalHash, Address target, Wei value) implements RuntimeEvent {}
