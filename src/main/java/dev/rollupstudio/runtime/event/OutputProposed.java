package dev.rollupstudio.runtime.event;

import dev.rollupstudio.runtime.l1.OutputProposal;

/** Published by the Proposer when its output root lands in the L1 output oracle. */
public record OutputProposed(long atMillis, OutputProposal output) implements RuntimeEvent {}
