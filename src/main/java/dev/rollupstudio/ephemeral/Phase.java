package dev.rollupstudio.ephemeral;

/**
 * Where an ephemeral rollup is in its life. It moves forward only: requested, provisioned, live,
 * draining its pool, settling on L1, dissolved; or failed, with the reason, from any phase.
 */
public enum Phase {
    REQUESTED("requested"),
    PROVISIONING("provisioning"),
    ACTIVE("active"),
    DRAINING("draining"),
    SETTLING("settling"),
    DISSOLVED("dissolved"),
    FAILED("failed");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Dissolved or failed: nothing more will happen to it. */
    public boolean isEnd() {
        return this == DISSOLVED || this == FAILED;
    }
}
