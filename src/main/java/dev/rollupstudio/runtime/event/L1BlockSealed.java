package dev.rollupstudio.runtime.event;

import dev.rollupstudio.runtime.l1.L1Block;

/** Published by the EmbeddedL1 for every slot; {@code finalized} is the L1 finalized block number after it. */
public record L1BlockSealed(long atMillis, L1Block block, long finalized) implements RuntimeEvent {}
