package dev.rollupstudio.ephemeral;

/** One step of an ephemeral rollup's life, at a sim time, with why it happened (what triggered it, or why it failed). */
public record PhaseChange(long atMillis, long chainId, String name, Phase from, Phase to, String why) {
    @Override public String toString() {
        return name + " (" + chainId + "): " + (from == null ? "" : from.label() + " -> ") + to.label() + (why.isEmpty() ? "" : ": " + why);
    }
}
