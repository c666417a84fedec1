package dev.rollupstudio.app;

import dev.rollupstudio.store.StoreException;
import dev.rollupstudio.store.StudioStore;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * What the studio remembers between runs. The theme and window geometry, which the first frame
 * needs, are a small properties file read at once; recent projects are in H2 in the data folder,
 * which takes most of a second to open (H2 and its migrations) and so opens in the background,
 * waited for only when recent projects are asked for. If the database cannot be opened the
 * studio still starts and forgets recent projects instead.
 */
public final class StudioSettings implements AutoCloseable {
    static final String FILE = "settings.properties";
    /** The keys kept in the database before they moved to the file; read from it once, on the first start after the move. */
    private static final List<String> FORMER_KEYS = List.of("theme", "window.x", "window.y", "window.width", "window.height");
    private final Path file;
    private final Properties values = new Properties();
    private final CompletableFuture<Store> store;

    public record Recent(Path path, String name) {}

    /** The database, or why it could not be opened. */
    private record Store(StudioStore db, String problem) {}

    private StudioSettings(Path dir) {
        this.file = dir.resolve(FILE);
        boolean found = read();
        this.store = CompletableFuture.supplyAsync(() -> {
            try {
                return new Store(StudioStore.open(dir), null);
            } catch (StoreException e) {
                return new Store(null, e.getMessage());
            }
        });
        if (!found) importFormerKeys();
    }

    public static StudioSettings open(Path dir) {
        return new StudioSettings(dir);
    }

    private boolean read() {
        if (!Files.isRegularFile(file)) return false;
        try (Reader r = Files.newBufferedReader(file)) {
            values.load(r);
        } catch (IOException | IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(StudioSettings.class).warn("{} could not be read ({}); starting from defaults", file, e.getMessage());
        }
        return true;
    }

    /** A data folder from before the file: its theme and geometry were in the database (this start waits for it). */
    private void importFormerKeys() {
        StudioStore db = store.join().db();
        if (db == null) return;
        for (String k : FORMER_KEYS) db.setting(k).ifPresent(v -> values.setProperty(k, v));
        if (!values.isEmpty()) save();
    }

    /** Why recent projects will not be remembered this session, if they will not (waits for the database). */
    public Optional<String> problem() {
        return Optional.ofNullable(store.join().problem());
    }

    /** {@link #problem()} without waiting: completes when the database has opened or failed to. */
    public CompletableFuture<Optional<String>> problemLater() {
        return store.thenApply(s -> Optional.ofNullable(s.problem()));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public double number(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public synchronized void set(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    /** Written to a temporary file and moved over the old one, so a crash leaves either the old settings or the new. */
    private synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                values.store(w, "Rollup Studio settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(StudioSettings.class).warn("settings could not be saved to {}: {}", file, e.getMessage());
        }
    }

    public void opened(Path file, String name, long atMillis) {
        StudioStore db = store.join().db();
        if (db != null) db.touchRecent(file.toAbsolutePath().toString(), name, atMillis);
    }

    public List<Recent> recent() {
        StudioStore db = store.join().db();
        if (db == null) return List.of();
        return db.recent().stream().map(r -> new Recent(Path.of(r.path()), r.name())).toList();
    }

    @Override public void close() {
        StudioStore db = store.join().db();
        if (db != null) db.close();
    }
}
