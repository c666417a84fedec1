package dev.rollupstudio.runtime.event;

/** Published by the Derivation verifier when what it rebuilt from L1 disagrees with what was sequenced or proposed. */
public record DerivationMismatch(long atMillis, long l2Block, String what) implements RuntimeEvent {}
