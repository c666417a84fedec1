package dev.rollupstudio.evm;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs EVM work on one daemon thread with a {@link Evm#STACK_BYTES} stack, so 1,024 nested calls
 * never meet a Java stack overflow: how deep a transaction gets must depend on its gas alone, or a
 * sequencer and a verifier calling from different stack depths could disagree about a block.
 */
public final class DeepStack {
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, () -> {
            INSIDE.set(true);
            r.run();
        }, "evm", Evm.STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private DeepStack() {}

    /** {@code work}'s result, computed on the deep-stack thread (directly, when already on it). */
    public static <T> T run(Supplier<T> work) {
        if (INSIDE.get()) return work.get();
        Future<T> f = THREAD.submit(work::get);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the EVM ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
