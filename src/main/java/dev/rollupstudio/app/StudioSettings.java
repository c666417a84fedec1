package dev.rollupstudio.app;

import dev.rollupstudio.store.StoreException;
import dev.rollupstudio.store.StudioStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the studio remembers between runs (theme, window geometry, recent projects). Backed by
 * H2 in the data folder; if that cannot be opened the studio still starts and forgets instead.
 */
public final class StudioSettings implements AutoCloseable {
    private final StudioStore store;
    private final String problem;

    public record Recent(Path path, String name) {}

    private StudioSettings(StudioStore store, String problem) {
        this.store = store;
        this.problem = problem;
    }

    public static StudioSettings open(Path dir) {
        try {
            return new StudioSettings(StudioStore.open(dir), null);
        } catch (StoreException e) {
            return new StudioSettings(null, e.getMessage());
        }
    }

    /** Why settings will not be remembered this session, if they will not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public Optional<String> get(String key) {
        return store == null ? Optional.empty() : store.setting(key);
    }

    public double number(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void set(String key, String value) {
        if (store != null) store.setSetting(key, value);
    }

    public void opened(Path file, String name, long atMillis) {
        if (store != null) store.touchRecent(file.toAbsolutePath().toString(), name, atMillis);
    }

    public List<Recent> recent() {
        if (store == null) return List.of();
        return store.recent().stream().map(r -> new Recent(Path.of(r.path()), r.name())).toList();
    }

    @Override public void close() {
        if (store != null) store.close();
    }
}
