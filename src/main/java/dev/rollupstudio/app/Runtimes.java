package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.StoredRuntime;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.store.H2RuntimeStore;
import dev.rollupstudio.store.RuntimeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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
            try {
                store.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing); // the failure to load is the one to report
            }
            throw e;
        }
    }

    /** Deletes a stored chain (its database folder), so the next open starts from genesis. */
    public static void delete(Path db) {
        if (!Files.exists(db)) return;
        try (Stream<Path> files = Files.walk(db)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the stored chain in " + db + ": " + e.getMessage(), e);
        }
    }
}
