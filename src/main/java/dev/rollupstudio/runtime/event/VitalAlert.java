package dev.rollupstudio.runtime.event;

/** Raised by VITAL's operators when verdicts carrying the quorum of stake call output {@code outputIndex} wrong: they dispute it. */
public record VitalAlert(long atMillis, long l2Block, long outputIndex, String what) implements RuntimeEvent {}
