package dev.rollupstudio.runtime.config;

/** MACH fast finality (reference.md "MACH"): operators check new blocks every interval; a quorum of stake makes them final. */
public record MachConfig(int operators, int quorumPct, long checkIntervalMillis) {}
