package dev.rollupstudio.runtime.event;

import dev.rollupstudio.runtime.rollup.TxRejection;
import dev.rollupstudio.types.Hash;

/** Published by the TxPool when it refuses a transaction; the rejection says why in a sentence. */
public record TxRejected(long atMillis, Hash txHash, TxRejection rejection) implements RuntimeEvent {}
