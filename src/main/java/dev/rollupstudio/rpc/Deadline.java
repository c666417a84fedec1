package dev.rollupstudio.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times out a request's future on one shared timer thread. Unlike CompletableFuture.orTimeout,
 * whose timer stays queued until it would have fired, a finished request's timer is removed at
 * once: at thousands of requests a second the queue would otherwise hold every one of the last 30 s.
 */
final class Deadline {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "rpc-deadline");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Deadline() {}

    /** {@code f}, failed with a TimeoutException if it has not completed within {@code seconds}. */
    static <T> CompletableFuture<T> within(CompletableFuture<T> f, long seconds) {
        if (f.isDone()) return f;
        ScheduledFuture<?> timer = TIMER.schedule(() -> f.completeExceptionally(new TimeoutException()), seconds, TimeUnit.SECONDS);
        f.whenComplete((v, e) -> timer.cancel(false));
        return f;
    }
}
