package dev.rollupstudio.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/** Opens (and migrates) an embedded H2 database in a folder, turning failures into advice. */
public final class Database {
    private Database() {}

    public static Connection open(Path dir, String name) {
        return open(dir, name, "db/migration");
    }

    /** Opens {@code name} in {@code dir}, applying the Flyway migrations under {@code migrations}. */
    public static Connection open(Path dir, String name, String migrations) {
        return open(dir, name, migrations, "");
    }

    /**
     * The newest migration under each location. A database already at it skips Flyway, whose
     * classpath scan and checks took 0.7-1.5 s of a cold start (a resumed chain, the studio's
     * settings). {@code MigrationsTest} keeps these equal to the files.
     */
    static final java.util.Map<String, Integer> LATEST = java.util.Map.of("db/migration", 9, "db/studio", 1);

    /**
     * Whether Flyway's history ends at {@code version}: false for a new or older database, and for
     * a newer one, which then goes through Flyway as before.
     */
    static boolean atVersion(Connection c, Integer version) throws SQLException {
        if (version == null) return false;
        try (var tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            if (!tables.next()) return false;
        }
        int newest = -1;
        try (var rs = c.createStatement().executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rs.next()) newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
        }
        return newest == version;
    }

    /** As {@link #open(Path, String, String)}, with more of H2's settings for the URL ({@code ;NAME=value...}). */
    static Connection open(Path dir, String name, String migrations, String settings) {
        // WRITE_DELAY=0: a commit reaches the file before it returns. H2's default writes committed
        // changes up to a second later, so a killed process lost blocks it had reported stored,
        // and the resumed chain rebuilt them with other hashes.
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;AUTO_COMPACT_FILL_RATE=0;MAX_COMPACT_TIME=0" + settings;
        Path file = dir.resolve(name + ".mv.db");
        try {
            Files.createDirectories(dir);
            Connection c = DriverManager.getConnection(url, "sa", "");
            try {
                if (!atVersion(c, LATEST.get(migrations))) { // Flyway's connection shares the database c keeps open
                    Flyway.configure().dataSource(url, "sa", "").locations("classpath:" + migrations).load().migrate();
                }
                c.setAutoCommit(false);
            } catch (Exception e) {
                c.close();
                throw e;
            }
            return c;
        } catch (Exception e) {
            String msg = rootMessage(e);
            if (msg.contains("already in use") || msg.contains("locked")) {
                throw new StoreException("the database in " + dir + " is in use by another Rollup Studio process; close it or pass another --db folder", e);
            }
            if (isNonEmptyFile(file)) { // it was written, and cannot be read back
                throw new StoreException("the database in " + dir + " is damaged (" + msg + "). " + damagedAdvice(dir), e);
            }
            throw new StoreException("the database in " + dir + " cannot be opened (" + msg + "); move the folder away to start fresh, or pass another --db folder", e);
        }
    }

    private static boolean isNonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** What a user can do with a damaged chain database. */
    static String damagedAdvice(Path dir) {
        return "Move the folder away to start fresh (for a chain, run --reset), or try H2's recovery tool on a copy: "
                + "java -cp h2-2.3.232.jar org.h2.tools.Recover -dir " + dir.toAbsolutePath();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("").trim();
        first = readable(first);
        return first.isEmpty() ? "its bytes do not decode" : first; // a user needs the fact, not the class name
    }

    /** H2 quotes the exceptions it wraps inside its own message; keep the innermost fact, without class names or codes. */
    static String readable(String h2Message) {
        String m = h2Message;
        Matcher wrapped = WRAPPED_EXCEPTION.matcher(m);
        int after = -1;
        while (wrapped.find()) after = wrapped.end();
        if (after >= 0) m = m.substring(after);
        Matcher code = ERROR_CODE.matcher(m);
        if (code.find()) m = m.substring(0, code.start());
        return m.replace("\"\"", "\"").replaceAll("[\\s\";]+$", "").trim();
    }

    /** Whether H2 says the file's bytes are damaged (as opposed to locked, missing or full). */
    static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("File corrupted") || m.contains("Unable to read the page"))) return true;
        }
        return false;
    }

    private static final Pattern WRAPPED_EXCEPTION = Pattern.compile("[\\w.$]+(?:Exception|Error): ");
    private static final Pattern ERROR_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+]");

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
