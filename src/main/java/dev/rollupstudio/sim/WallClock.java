package dev.rollupstudio.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The one place the core reads wall time: pacing a real-time run and stamping benchmark
 * latencies. Everything else asks the {@link Scheduler} for simulated time.
 */
public final class WallClock {
    private WallClock() {}

    public static long nanos() {
        return System.nanoTime();
    }

    /** Pauses a benchmark client between polls. */
    public static void sleepMillis(long millis) throws InterruptedException {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        if (Thread.interrupted()) throw new InterruptedException();
    }

    /** Waits up to {@code nanos} on a condition, so a posted task can wake the loop early. */
    static void await(Condition c, long nanos) throws InterruptedException {
        if (nanos > 0) c.await(nanos, TimeUnit.NANOSECONDS);
    }
}
