package dev.rollupstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database at the newest migration opens without Flyway; an older or newer one still goes through it. */
class MigrationsTest {

    @Test
    void theNewestVersionKnownIsTheNewestFile() throws Exception {
        for (var e : Database.LATEST.entrySet()) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources", e.getKey()))) {
                int newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(newest);
            }
        }
    }

    @Test
    void anOlderDatabaseIsMigratedAndANewOneSkipsNothing(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("runtime");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(Database.atVersion(c, 9)).isFalse();
        }
        try (Connection c = Database.open(dir, "runtime")) {
            assertThat(Database.atVersion(c, 9)).isTrue();
            // V9 added the settlement column
            assertThat(c.getMetaData().getColumns(null, null, "L1_BLOCK", "SETTLEMENT").next()).isTrue();
        }
        Path fresh = dir.resolve("fresh");
        try (Connection c = Database.open(fresh, "runtime")) {
            assertThat(Database.atVersion(c, 9)).isTrue();
        }
        try (Connection c = Database.open(fresh, "runtime")) { // again: at the newest, opened as it is
            assertThat(c.getMetaData().getColumns(null, null, "L1_BLOCK", "SETTLEMENT").next()).isTrue();
        }
    }

    @Test
    void aDatabaseFromANewerVersionStillGoesThroughFlyway(@TempDir Path dir) throws Exception {
        try (Connection c = Database.open(dir, "runtime")) {
            c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
                    + "\"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (100, '10', 'future', 'SQL', 'V10__future.sql', 0, 'sa', 0, TRUE)");
            c.commit();
            assertThat(Database.atVersion(c, 9)).isFalse();
        }
        try (Connection c = Database.open(dir, "runtime")) { // Flyway's default: a future migration is ignored, as before
            assertThat(c.getMetaData().getColumns(null, null, "L1_BLOCK", "SETTLEMENT").next()).isTrue();
        }
    }
}
