package dev.rollupstudio.sim;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The simulated clock and the event loop of a runtime. Every state change runs on the thread
 * that calls {@link #run}, one task at a time, in (time, priority, insertion) order, so a run is
 * deterministic for a seed whatever the pace. Other threads hand work in with {@link #post}.
 */
public final class Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Queue<Runnable> inbox = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile Pace pace;
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile BooleanSupplier stepUntil;
    private long now;
    private long seq;
    private long executed;
    private long wallAnchorNanos;
    private long simAnchorMillis;

    private record Task(long at, int priority, long seq, Runnable action) implements Comparable<Task> {
        @Override public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            if (c == 0) c = Integer.compare(priority, o.priority);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public Scheduler(long startMillis, Pace pace) {
        this.now = startMillis;
        this.pace = pace;
        reanchor();
    }

    /** Simulated time in milliseconds. */
    public long now() {
        return now;
    }

    public Pace pace() {
        return pace;
    }

    public void setPace(Pace p) {
        lock.lock();
        try {
            pace = p;
            reanchor();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void setPaused(boolean p) {
        lock.lock();
        try {
            paused = p;
            reanchor();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Schedules on the loop thread; lower priority runs first among tasks due at the same time. */
    public void at(long atMillis, int priority, Runnable action) {
        queue.add(new Task(Math.max(atMillis, now), priority, seq++, action));
    }

    /**
     * Runs {@code action} every {@code periodMillis}, first at {@code firstAt}. Returns the
     * cancel action (loop thread): the task neither runs nor comes back after it.
     */
    public Runnable every(long firstAt, long periodMillis, int priority, Runnable action) {
        boolean[] cancelled = {false};
        at(firstAt, priority, new Runnable() {
            private long next = firstAt;

            @Override public void run() {
                if (cancelled[0]) return;
                action.run();
                next += periodMillis;
                at(next, priority, this);
            }
        });
        return () -> cancelled[0] = true;
    }

    /** Thread-safe: runs {@code action} on the loop thread at the current simulated time. */
    public void post(Runnable action) {
        lock.lock();
        try {
            // the loop waits only on an empty inbox: when it is not, the loop was woken already
            if (inbox.isEmpty()) wake.signalAll();
            inbox.add(action);
        } finally {
            lock.unlock();
        }
    }

    /** Thread-safe: runs {@code work} on the loop thread; the future completes with its result or its failure. */
    public <T> java.util.concurrent.CompletableFuture<T> ask(java.util.function.Supplier<T> work) {
        var f = new java.util.concurrent.CompletableFuture<T>();
        post(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    public void stop() {
        lock.lock();
        try {
            stopped = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Runs tasks until {@code done} holds (checked between tasks), or {@link #stop} is called. */
    public void run(BooleanSupplier done) {
        while (!stopped) {
            drainInbox();
            if (done.getAsBoolean()) return;
            Task next = queue.peek();
            if (next == null) {
                if (!waitForWork(Long.MAX_VALUE)) return;
                continue;
            }
            if (paused && stepUntil != null) {
                queue.poll();
                now = next.at;
                executed++;
                next.action.run();
                if (stepUntil != null && stepUntil.getAsBoolean()) {
                    stepUntil = null;
                    reanchor();
                }
                continue;
            }
            if (paused || !pace.isMax()) {
                long waitNanos = paused ? Long.MAX_VALUE : wallNanosUntil(next.at);
                if (waitNanos > 0) {
                    waitForWork(waitNanos);
                    continue;
                }
            }
            queue.poll();
            now = next.at;
            executed++;
            next.action.run();
        }
    }

    /** How many tasks have run since the start (or the last {@link #restart}): where an outside input fell in the run. */
    public long executed() {
        return executed;
    }

    /**
     * Loop thread: forgets every task and sets the clock back to {@code startMillis}, keeping the
     * inbox, so a runtime can be built again on this scheduler (a devnet reverting to a snapshot).
     */
    public void restart(long startMillis) {
        queue.clear();
        now = startMillis;
        seq = 0;
        executed = 0;
    }

    /** Loop thread: runs queued tasks at full speed, without the inbox, until {@code count} have run since the start. */
    public void runUntilExecuted(long count) {
        Task next;
        while (executed < count && (next = queue.poll()) != null) {
            now = next.at;
            executed++;
            next.action.run();
        }
    }

    /** Loop thread: the pace goes on from the current simulated time (after a replay at full speed). */
    public void resumePace() {
        reanchor();
    }

    /** Runs every task due up to {@code untilMillis}, then sets the clock there. */
    public void runUntil(long untilMillis) {
        run(() -> {
            Task t = queue.peek();
            return t == null || t.at > untilMillis;
        });
        if (!stopped && now < untilMillis) now = untilMillis;
    }

    /** While paused, runs tasks (unpaced) until {@code done} holds, e.g. until the next block is sealed. Thread-safe. */
    public void step(BooleanSupplier done) {
        lock.lock();
        try {
            stepUntil = done;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs exactly the tasks due up to and including the next one, even while paused (single step). */
    public void runNextTask() {
        drainInbox();
        Task next = queue.poll();
        if (next == null) return;
        now = next.at;
        executed++;
        next.action.run();
        reanchor();
    }

    /** Runs what other threads posted, in order; takes the lock once per batch, not per item (a busy RPC posts thousands a second). */
    private void drainInbox() {
        while (true) {
            Runnable[] batch;
            lock.lock();
            try {
                if (inbox.isEmpty()) return;
                batch = inbox.toArray(Runnable[]::new);
                inbox.clear();
            } finally {
                lock.unlock();
            }
            for (Runnable r : batch) r.run();
        }
    }

    private boolean waitForWork(long nanos) {
        lock.lock();
        try {
            if (!inbox.isEmpty() || stopped) return !stopped;
            if (nanos == Long.MAX_VALUE) wake.await();
            else WallClock.await(wake, nanos);
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private long wallNanosUntil(long simMillis) {
        double wallTarget = wallAnchorNanos + (simMillis - simAnchorMillis) * 1_000_000.0 / pace.speed();
        return (long) (wallTarget - WallClock.nanos());
    }

    private void reanchor() {
        wallAnchorNanos = WallClock.nanos();
        simAnchorMillis = now;
    }
}
