package dev.rollupstudio.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** Opens (and migrates) an embedded H2 database in a folder, turning failures into advice. */
public final class Database {
    private Database() {}

    public static Connection open(Path dir, String name) {
        return open(dir, name, "db/migration");
    }

    /** Opens {@code name} in {@code dir}, applying the Flyway migrations under {@code migrations}. */
    public static Connection open(Path dir, String name, String migrations) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            Files.createDirectories(dir);
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:" + migrations).load().migrate();
            Connection c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
            return c;
        } catch (Exception e) {
            String msg = rootMessage(e);
            if (msg.contains("already in use") || msg.contains("locked")) {
                throw new StoreException("the database in " + dir + " is in use by another Rollup Studio process; close it or pass another --db folder", e);
            }
            throw new StoreException("the database in " + dir + " cannot be opened (" + msg + "); move the folder away to start fresh, or pass another --db folder", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
