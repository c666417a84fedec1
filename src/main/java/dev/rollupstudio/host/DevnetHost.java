package dev.rollupstudio.host;

import dev.rollupstudio.runtime.RollupRuntime;
import java.util.List;

/**
 * The devnet: one clock and one embedded L1 with the rollups on it, each seen through a
 * read-only view. The loop runs on the thread that calls {@link #run}; everything else reads the
 * views or asks the loop through them.
 */
public final class DevnetHost implements AutoCloseable {
    private final RollupRuntime runtime;
    private final L1ChainView l1;
    private final List<RollupChainView> rollups;

    /** Views over a runtime that is not running yet (or call it on its loop thread). */
    public DevnetHost(RollupRuntime runtime, String rollupName) {
        this.runtime = runtime;
        this.l1 = new L1ChainView(runtime.l1(), runtime.scheduler());
        this.rollups = List.of(new RollupChainView(runtime.node(), runtime.scheduler(), runtime.events(), rollupName));
    }

    public L1ChainView l1() {
        return l1;
    }

    public List<RollupChainView> rollups() {
        return rollups;
    }

    public RollupRuntime runtime() {
        return runtime;
    }

    /** Runs the loop on this thread until {@link #stop}. */
    public void run() {
        runtime.scheduler().run(() -> false);
    }

    /** Thread-safe: asks the loop to stop; {@link #run} returns soon after. */
    public void stop() {
        runtime.scheduler().stop();
    }

    @Override public void close() {
        runtime.close();
    }
}
