package dev.rollupstudio.app;

import dev.rollupstudio.ephemeral.Ephemerals;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.runtime.StoredRuntime;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.store.H2RuntimeStore;
import dev.rollupstudio.store.RuntimeLoader;
import java.nio.file.Path;
import java.util.Map;

/** Each ephemeral rollup's chain in an H2 database of its own, {@code ephemeral-<chain id>} under a folder, so a killed one recovers. */
public final class EphemeralStores implements Ephemerals.Stores {
    private final Path dir;
    private final DevnetHost host;

    public EphemeralStores(Path dir, DevnetHost host) {
        this.dir = dir;
        this.host = host;
    }

    @Override public H2RuntimeStore open(long chainId, RollupConfig config) {
        H2RuntimeStore store = H2RuntimeStore.openWriteMostly(dir.resolve("ephemeral-" + chainId));
        new RuntimeLoader(store).load(genesis(config), config); // a fresh store records which genesis it holds, as a resume checks
        return store;
    }

    private dev.rollupstudio.state.Genesis genesis(RollupConfig config) {
        return DevnetHost.genesisOf(host.runtime().options(), config);
    }

    @Override public DevnetHost.Stored reopen(long chainId, RollupConfig config) {
        H2RuntimeStore store = H2RuntimeStore.openWriteMostly(dir.resolve("ephemeral-" + chainId));
        StoredRuntime stored = new RuntimeLoader(store).load(genesis(config), config).orElse(null);
        return new DevnetHost.Stored(store, stored == null ? null : stored.node(),
                stored == null ? Map.of() : stored.daBlobs());
    }
}
