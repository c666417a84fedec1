package dev.rollupstudio.runtime.event;

/** Raised by MACH's operators when a sealed block is not what re-executing its inputs gives: they do not sign it. */
public record MachAlert(long atMillis, long l2Block, String what) implements RuntimeEvent {}
