package dev.rollupstudio.runtime.event;

import dev.rollupstudio.types.Hash;

/** Published by the Sequencer when a pooled transaction became invalid before inclusion (e.g. funds spent). */
public record TxDropped(long atMillis, Hash txHash, String reason) implements RuntimeEvent {}
