package dev.rollupstudio.app;

import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.StoredRuntime;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.store.H2RuntimeStore;
import dev.rollupstudio.store.RuntimeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * A devnet: the L1 and {@code first} rollup, then the {@code further} ones on the same L1. In
     * memory (it can revert to snapshots) when the options name no database; otherwise the L1 and
     * first rollup live in the folder and each further rollup in its sub-folder
     * {@code rollup-<chain id>}, and all of them resume from there.
     */
    public static DevnetHost openDevnet(RuntimeOptions options, String first, List<RollupConfig> further, List<String> names) {
        if (options.database() == null) {
            DevnetHost host = DevnetHost.inMemory(options, first);
            for (int i = 0; i < further.size(); i++) host.addRollup(further.get(i), names.get(i));
            return host;
        }
        Path db = options.database();
        Genesis genesis = RollupRuntime.genesisOf(options);
        H2RuntimeStore store = H2RuntimeStore.open(db);
        List<RuntimeStore> opened = new ArrayList<>(List.of(store));
        DevnetHost host = null;
        try {
            StoredRuntime resume = new RuntimeLoader(store).load(genesis, options.rollup()).orElse(null);
            if (resume != null) sameRollupsAsStored(db, further);
            RollupRuntime rt = new RollupRuntime(options, genesis, store, resume,
                    l1 -> further.forEach(c -> DevnetHost.registerOnL1(l1, c, DevnetHost.genesisOf(options, c))));
            host = new DevnetHost(rt, first);
            for (int i = 0; i < further.size(); i++) {
                RollupConfig c = further.get(i);
                H2RuntimeStore own = H2RuntimeStore.open(db.resolve(folderOf(c.chainId())));
                opened.add(own);
                StoredRuntime stored = new RuntimeLoader(own).load(DevnetHost.genesisOf(options, c), c).orElse(null);
                host.addStoredRollup(c, names.get(i), new DevnetHost.Stored(own, stored == null ? null : stored.node(),
                        stored == null ? java.util.Map.of() : stored.daBlobs()));
            }
            return host;
        } catch (RuntimeException e) {
            for (RuntimeStore s : opened) {
                try {
                    s.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing); // the failure to open is the one to report
                }
            }
            throw e;
        }
    }

    private static String folderOf(long chainId) {
        return "rollup-" + chainId;
    }

    /** A stored devnet resumes with the rollups it ran: the L1's blocks hold their deposits, batches and outputs. */
    private static void sameRollupsAsStored(Path db, List<RollupConfig> further) {
        java.util.Set<String> stored = new java.util.TreeSet<>();
        try (Stream<Path> dirs = Files.list(db)) {
            dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("rollup-")).forEach(stored::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + db + ": " + e.getMessage(), e);
        }
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        for (RollupConfig c : further) wanted.add(folderOf(c.chainId()));
        if (!stored.equals(wanted)) {
            throw new IllegalArgumentException("the devnet in " + db + " ran " + (stored.size() + 1) + " rollup(s) (" + (stored.isEmpty() ? "no further ones" : String.join(", ", stored))
                    + "), and its L1 holds their blocks; start it with --rollups " + (stored.size() + 1) + ", or pass another --db folder");
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
