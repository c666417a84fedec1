package dev.rollupstudio.runtime.event;

import dev.rollupstudio.runtime.l1.Disputes;

/** A dispute over an output started ({@code game.outcome()} null) or resolved, on L1. */
public record DisputeGame(long atMillis, Disputes.Game game) implements RuntimeEvent {}
