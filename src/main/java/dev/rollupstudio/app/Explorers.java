package dev.rollupstudio.app;

import dev.rollupstudio.explorer.ExplorerQueries;
import dev.rollupstudio.store.H2Explorer;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the explorer on a stored chain (the UI never sees the store). */
public final class Explorers {
    private Explorers() {}

    public static Optional<ExplorerQueries> open(Path chainDir) {
        return chainDir == null ? Optional.empty() : H2Explorer.open(chainDir).map(e -> e);
    }
}
