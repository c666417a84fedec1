package dev.rollupstudio.runtime.event;

import dev.rollupstudio.runtime.l1.ValidityProofs;

/** L1 verified a validity proof of one of the rollup's outputs, or rejected it. */
public record ProofVerified(long atMillis, ValidityProofs.Verification verification) implements RuntimeEvent {}
