package dev.rollupstudio.app;

import dev.rollupstudio.workload.Load;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.workload.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a launched stack on its own thread (the runtime's loop) with generated load, and takes
 * the runtime screen's controls: pause, single step, speed, load, scenario, reset. Chain data
 * goes to a database per chain id under {@code dataDir} (null: memory only), for the explorer.
 */
public final class RuntimeService implements AutoCloseable {
    private final Path dataDir;
    private RollupRuntime runtime;
    private Thread loop;
    private StackSpec spec;
    private Function<RollupRuntime, Consumer<RuntimeEvent>> listener;
    private volatile double tps = 100;
    private volatile Scenario scenario = Scenario.STEADY;
    private volatile Pace pace = Pace.realtime(1);

    public RuntimeService(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts {@code spec} (stopping any running one); throws with the reason if it cannot launch. */
    public synchronized RollupRuntime launch(StackSpec spec, Pace pace, double tps, Consumer<RuntimeEvent> events) {
        return launch(spec, pace, tps, rt -> events);
    }

    /** As above; {@code listener} is made for the new runtime before it starts (e.g. a chart sampler). */
    public synchronized RollupRuntime launch(StackSpec spec, Pace pace, double tps, Function<RollupRuntime, Consumer<RuntimeEvent>> listener) {
        stop();
        this.tps = tps;
        RuntimeOptions options = SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withPace(pace))
                .withDatabase(database(spec));
        RollupRuntime rt = Runtimes.open(options);
        rt.events().subscribe(listener.apply(rt));
        Load.start(rt, () -> scenario.rate(this.tps, rt.scheduler().now()), () -> scenario.withdrawalShare(), true, Long.MAX_VALUE);
        Thread t = new Thread(() -> rt.scheduler().run(() -> false), "rollup-" + spec.chainId());
        t.setDaemon(true);
        t.start();
        this.runtime = rt;
        this.loop = t;
        this.spec = spec;
        this.listener = listener;
        return rt;
    }

    /** Where this stack's chain is stored: one folder per chain id. */
    public Path database(StackSpec spec) {
        return dataDir == null ? null : dataDir.resolve("chains").resolve(Long.toString(spec.chainId()));
    }

    public synchronized StackSpec running() {
        return spec;
    }

    public synchronized RollupRuntime runtime() {
        return runtime;
    }

    public void setTps(double v) {
        tps = v;
    }

    public double tps() {
        return tps;
    }

    public void setScenario(Scenario s) {
        scenario = s;
    }

    public synchronized void setPaused(boolean paused) {
        if (runtime != null) runtime.scheduler().setPaused(paused);
    }

    public synchronized boolean isPaused() {
        return runtime != null && runtime.scheduler().isPaused();
    }

    /** While paused: runs until the next L2 block is sealed. */
    public synchronized void step() {
        if (runtime == null) return;
        RollupRuntime rt = runtime;
        long head = rt.node().chain().head().number();
        rt.scheduler().step(() -> rt.node().chain().head().number() > head);
    }

    /** The speed for the running stack and for the next launch. */
    public synchronized void setPace(Pace p) {
        pace = p;
        if (runtime != null) runtime.scheduler().setPace(p);
    }

    public Pace pace() {
        return pace;
    }

    /** Stops, forgets the stored chain, and starts the same stack from genesis. */
    public synchronized RollupRuntime reset() {
        if (spec == null) return null;
        StackSpec s = spec;
        Function<RollupRuntime, Consumer<RuntimeEvent>> l = listener;
        stop();
        deleteChain(s);
        return launch(s, pace, tps, l);
    }

    private void deleteChain(StackSpec s) {
        Path db = database(s);
        if (db == null || !Files.exists(db)) return;
        try (Stream<Path> files = Files.walk(db)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the stored chain in " + db, e);
        }
    }

    public synchronized void stop() {
        if (runtime == null) return;
        runtime.scheduler().stop(); // let the loop finish its task before the store closes
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
        runtime = null;
        loop = null;
        spec = null;
    }

    @Override public void close() {
        stop();
    }
}
