package dev.rollupstudio.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The studio's settings and recent projects in H2. */
public final class StudioStore implements AutoCloseable {
    private final Connection c;
    private final Path dir;

    public record RecentProject(String path, String name, long openedAtMillis) {}

    private StudioStore(Connection c, Path dir) {
        this.c = c;
        this.dir = dir;
    }

    public static StudioStore open(Path dir) {
        return new StudioStore(Database.open(dir, "studio", "db/studio"), dir);
    }

    public synchronized Optional<String> setting(String key) {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM setting WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a setting", e);
        }
    }

    public synchronized void setSetting(String key, String value) {
        update("MERGE INTO setting KEY (k) VALUES (?, ?)", key, value);
    }

    public synchronized void touchRecent(String path, String name, long atMillis) {
        update("MERGE INTO recent_project KEY (path) VALUES (?, ?, ?)", path, name, atMillis);
        update("DELETE FROM recent_project WHERE path NOT IN (SELECT path FROM recent_project ORDER BY opened_at DESC LIMIT 10)");
    }

    public synchronized List<RecentProject> recent() {
        List<RecentProject> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path, name, opened_at FROM recent_project ORDER BY opened_at DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new RecentProject(rs.getString(1), rs.getString(2), rs.getLong(3)));
        } catch (SQLException e) {
            throw failure("read recent projects", e);
        }
        return out;
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            Database.rollbackQuietly(c);
            throw failure("write", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("could not " + what + " in the studio database in " + dir + ": " + Database.rootMessage(e), e);
    }

    @Override public synchronized void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing at exit: nothing left to lose
        }
    }
}
