package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import java.util.function.Consumer;

/**
 * Runs a launched stack on its own thread (the runtime's loop), with generated load, in real
 * time. The studio and tests use it the same way; events go to the given listener on the loop
 * thread, so a UI must hand them over to its own thread.
 */
public final class RuntimeService implements AutoCloseable {
    private RollupRuntime runtime;
    private Thread loop;
    private StackSpec spec;

    /** Starts {@code spec} (stopping any running one); throws with the reason if it cannot launch. */
    public synchronized RollupRuntime launch(StackSpec spec, Pace pace, double tps, Consumer<RuntimeEvent> events) {
        stop();
        RuntimeOptions options = SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withPace(pace));
        RollupRuntime rt = RollupRuntime.inMemory(options);
        rt.events().subscribe(events);
        rt.startWorkload(tps, 0.002, true, Long.MAX_VALUE);
        Thread t = new Thread(() -> rt.scheduler().run(() -> false), "rollup-" + spec.chainId());
        t.setDaemon(true);
        t.start();
        this.runtime = rt;
        this.loop = t;
        this.spec = spec;
        return rt;
    }

    public synchronized StackSpec running() {
        return spec;
    }

    public synchronized RollupRuntime runtime() {
        return runtime;
    }

    public synchronized void stop() {
        if (runtime == null) return;
        runtime.close();
        try {
            loop.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime = null;
        loop = null;
        spec = null;
    }

    @Override public void close() {
        stop();
    }
}
