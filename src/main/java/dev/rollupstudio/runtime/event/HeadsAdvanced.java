package dev.rollupstudio.runtime.event;

/** Published by the RollupNode when the unsafe, safe or finalized head moves. */
public record HeadsAdvanced(long atMillis, long unsafe, long safe, long finalized) implements RuntimeEvent {}
