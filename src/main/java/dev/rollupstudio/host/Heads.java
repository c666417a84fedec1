package dev.rollupstudio.host;

/** The block numbers the tags name: latest (unsafe on a rollup), safe (derived from L1) and finalized. */
public record Heads(long latest, long safe, long finalized) {}
