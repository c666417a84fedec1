package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.workload.Load;
import dev.rollupstudio.workload.Scenario;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.rpc.Endpoints;
import dev.rollupstudio.rpc.Signer;
import dev.rollupstudio.types.Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a launched stack on its own thread (the runtime's loop) with generated load, and takes
 * the runtime screen's controls: pause, single step, speed, load, scenario, reset. Chain data
 * goes to a database per chain id under {@code dataDir} (null: memory only), for the explorer.
 *
 * <p>Launch, stop and reset take seconds (a resume replays the verifier) and run one at a time
 * under a lock, off the FX thread. Everything else reads one volatile field and never waits on
 * that lock, so the FX thread can call it while a launch is under way.
 */
public final class RuntimeService implements AutoCloseable {
    private final Path dataDir;
    private final Object lifecycle = new Object();
    private volatile Running current;
    private volatile double tps = 100;
    private volatile Scenario scenario = Scenario.STEADY;
    private volatile Pace pace = Pace.realtime(1);
    private volatile long launches;

    /** A launched stack: its runtime, the thread running its loop, its JSON-RPC endpoints (null if none could bind), and what to relaunch it with. */
    private record Running(StackSpec spec, RollupRuntime runtime, Thread loop, Endpoints endpoints, Function<RollupRuntime, Consumer<RuntimeEvent>> listener,
                           dev.rollupstudio.runtime.fault.Faults faults) {}

    /** The first port the studio tries for a running stack's rollup (Anvil's), the L1 on the next. */
    public static final int RPC_PORT = 8545;
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeService.class);

    public RuntimeService(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts {@code spec} (stopping any running one); throws with the reason if it cannot launch. */
    public RollupRuntime launch(StackSpec spec, Pace pace, double tps, Consumer<RuntimeEvent> events) {
        return launch(spec, pace, tps, rt -> events);
    }

    /** As above; {@code listener} is made for the new runtime before it starts (e.g. a chart sampler). */
    public RollupRuntime launch(StackSpec spec, Pace pace, double tps, Function<RollupRuntime, Consumer<RuntimeEvent>> listener) {
        synchronized (lifecycle) {
            stop();
            this.tps = tps;
            this.pace = pace;
            RuntimeOptions options = SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withPace(pace)).withDatabase(database(spec));
            RollupRuntime rt = Runtimes.open(options);
            rt.events().subscribe(listener.apply(rt));
            Load.start(rt, () -> scenario.rate(this.tps, rt.scheduler().now()), () -> scenario.mix(rt.scheduler().now()), true, Long.MAX_VALUE);
            Endpoints endpoints = serve(new DevnetHost(rt, spec.name()), rt);
            var faults = new dev.rollupstudio.runtime.fault.Faults(rt);
            Thread t = new Thread(() -> rt.scheduler().run(() -> false), "rollup-" + spec.chainId());
            t.setDaemon(true);
            t.start();
            current = new Running(spec, rt, t, endpoints, listener, faults);
            launches++;
            if (!this.pace.equals(pace)) rt.scheduler().setPace(this.pace); // the speed was changed while this launch was under way
            return rt;
        }
    }

    /**
     * Serves the stack's rollup and L1 over JSON-RPC on loopback, on 8545 and 8546 or the first
     * free pair after them, so a developer points a wallet or Foundry at what they composed.
     * Null when no port could be had (the run goes on without an endpoint).
     */
    private static Endpoints serve(DevnetHost host, RollupRuntime rt) {
        Map<Address, Signer> unlocked = Signer.unlocked(rt.accounts(), 10);
        for (int port = RPC_PORT; port < RPC_PORT + 40; port += 2) {
            try {
                return new Endpoints(host, unlocked, "127.0.0.1", port, port + 1, null);
            } catch (IllegalStateException taken) {
                LOG.debug("ports {} and {} taken: {}", port, port + 1, taken.getMessage());
            }
        }
        LOG.warn("no free port pair from {} to {}: this run has no JSON-RPC endpoint", RPC_PORT, RPC_PORT + 40);
        return null;
    }

    /** The running stack's endpoints (its rollup first, then the L1), or none. Never waits. */
    public List<Endpoints.Served> endpoints() {
        Running r = current;
        if (r == null || r.endpoints() == null) return List.of();
        List<Endpoints.Served> out = new ArrayList<>(r.endpoints().rollups());
        out.add(r.endpoints().l1());
        return out;
    }

    /**
     * The wallet on the running stack's endpoints (one per launch, so its history is the run's),
     * or none when nothing runs. It asks the endpoints what they serve the first time: call it
     * off the FX thread.
     */
    public java.util.Optional<WalletService> wallet() {
        Running r = current;
        if (r == null || r.endpoints() == null) return java.util.Optional.empty();
        synchronized (wallets) {
            return java.util.Optional.of(wallets.computeIfAbsent(r, x -> WalletService.connect(x.endpoints().l1().url(),
                    x.endpoints().rollups().stream().map(Endpoints.Served::url).toList())));
        }
    }

    private final java.util.Map<Running, WalletService> wallets = new java.util.WeakHashMap<>();

    /** Where this stack's chain is stored: one folder per chain id. */
    public Path database(StackSpec spec) {
        return dataDir == null ? null : dataDir.resolve("chains").resolve(Long.toString(spec.chainId()));
    }

    /** How many runs were launched (a reset launches one): a screen tells a new run from the one it showed. */
    public long launches() {
        return launches;
    }

    /** The running stack, or null. Never waits. */

    public StackSpec running() {
        Running r = current;
        return r == null ? null : r.spec();
    }

    /** The running runtime, or null. Never waits. */
    public RollupRuntime runtime() {
        Running r = current;
        return r == null ? null : r.runtime();
    }

    /**
     * Injects a fault into the running stack, on its loop: completes with the fault, or fails with
     * why this stack cannot have it (no MACH, no DA layer beside L1), or when nothing runs.
     */
    public java.util.concurrent.CompletableFuture<dev.rollupstudio.runtime.fault.Fault> inject(dev.rollupstudio.runtime.fault.FaultKind kind) {
        Running r = current;
        if (r == null) return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no stack is running: launch one first"));
        return r.runtime().scheduler().ask(() -> r.faults().inject(kind));
    }

    /** The faults injected into the running stack, as they stand; none when nothing runs. Never waits. */
    public List<dev.rollupstudio.runtime.fault.Fault> faults() {
        Running r = current;
        return r == null ? List.of() : r.faults().list();
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

    public void setPaused(boolean paused) {
        RollupRuntime rt = runtime();
        if (rt != null) rt.scheduler().setPaused(paused);
    }

    public boolean isPaused() {
        RollupRuntime rt = runtime();
        return rt != null && rt.scheduler().isPaused();
    }

    /** While paused: runs until the next L2 block is sealed (the check runs on the loop thread). */
    public void step() {
        RollupRuntime rt = runtime();
        if (rt == null) return;
        long head = rt.status().unsafe();
        rt.scheduler().step(() -> rt.node().chain().head().number() > head);
    }

    /** The speed for the running stack and for the next launch. */
    public void setPace(Pace p) {
        pace = p;
        RollupRuntime rt = runtime();
        if (rt != null) rt.scheduler().setPace(p);
    }

    public Pace pace() {
        return pace;
    }

    /** Stops, forgets the stored chain, and starts the same stack from genesis. */
    public RollupRuntime reset() {
        synchronized (lifecycle) {
            Running r = current;
            if (r == null) return null;
            stop();
            deleteChain(r.spec());
            return launch(r.spec(), pace, tps, r.listener());
        }
    }

    private void deleteChain(StackSpec s) {
        Path db = database(s);
        if (db != null) Runtimes.delete(db);
    }

    public void stop() {
        synchronized (lifecycle) {
            Running r = current;
            if (r == null) return;
            current = null;
            if (r.endpoints() != null) r.endpoints().close();
            r.runtime().scheduler().stop(); // the loop stops between tasks
            // Wait for it however long its last task takes: closing (or a reset deleting) the store
            // under a loop still sealing blocks let heads climb after a reset, on an emptied folder.
            boolean interrupted = false;
            while (r.loop().isAlive()) {
                try {
                    r.loop().join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            r.runtime().close();
        }
    }

    @Override public void close() {
        stop();
    }
}
