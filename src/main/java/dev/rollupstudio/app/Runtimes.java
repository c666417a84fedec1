package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.StoredRuntime;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.store.H2RuntimeStore;
import dev.rollupstudio.store.RuntimeLoader;

/** Opens a runtime: in memory, or on a database folder, resuming from its last stored block. */
public final class Runtimes {
    private Runtimes() {}

    public static RollupRuntime open(RuntimeOptions options) {
        if (options.database() == null) return RollupRuntime.inMemory(options);
        Genesis genesis = RollupRuntime.genesisOf(options);
        H2RuntimeStore store = H2RuntimeStore.open(options.database());
        try {
            StoredRuntime resume = new RuntimeLoader(store).load(genesis, options.rollup()).orElse(null);
            return new RollupRuntime(options, genesis, store, resume);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
