package dev.rollupstudio.runtime.config;

/**
 * How long a rollup lives. A persistent rollup runs until it is stopped; an ephemeral one is
 * provisioned, lives {@code lifetimeMillis} of sim time (or until it has been idle for
 * {@code idleTimeoutMillis}), then drains, settles on L1 and dissolves.
 *
 * @param provisioningMillis sim time from the request to the first block
 * @param idleTimeoutMillis  dissolve after this long without a transaction; 0: never idle out
 * @param drainTimeoutMillis how long draining waits for pooled transactions before it drops the rest
 */
public record LifecycleConfig(boolean ephemeral, long lifetimeMillis, long provisioningMillis, long idleTimeoutMillis, long drainTimeoutMillis) {
    public static final LifecycleConfig PERSISTENT = new LifecycleConfig(false, 0, 0, 0, 0);
    /** Draining gives pooled transactions a minute of sim time (30 blocks at 2 s). */
    public static final long DRAIN_TIMEOUT_MILLIS = 60_000;

    public LifecycleConfig {
        if (lifetimeMillis < 0 || provisioningMillis < 0 || idleTimeoutMillis < 0 || drainTimeoutMillis < 0) {
            throw new IllegalArgumentException("lifecycle times are zero or positive");
        }
        if (ephemeral && lifetimeMillis == 0) throw new IllegalArgumentException("an ephemeral rollup needs a lifetime");
    }

    public static LifecycleConfig ephemeral(long lifetimeMillis, long provisioningMillis, long idleTimeoutMillis) {
        return new LifecycleConfig(true, lifetimeMillis, provisioningMillis, idleTimeoutMillis, DRAIN_TIMEOUT_MILLIS);
    }
}
