package dev.rollupstudio.runtime.rollup;

/** The three heads: unsafe (sequenced), safe (derived from L1 data), finalized (derived from final L1 blocks). */
public record Heads(long unsafe, long safe, long finalized) {}
