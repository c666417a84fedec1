package dev.rollupstudio.runtime.event;

import dev.rollupstudio.chain.Block;

/** Published by the Sequencer when it seals an L2 block. */
public record BlockSealed(long atMillis, Block block, long chainId) implements RuntimeEvent {}
