package dev.rollupstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store opened with a page cache size gets it; one opened without keeps H2's default. */
class CacheSizeTest {
    @TempDir Path dir;

    @Test void theCacheSizeAskedForIsTheOneH2Uses() throws Exception {
        try (H2RuntimeStore small = H2RuntimeStore.open(dir.resolve("small"), 1024);
             H2RuntimeStore plain = H2RuntimeStore.open(dir.resolve("plain"))) {
            assertThat(cacheMb(small)).isEqualTo(1);
            assertThat(cacheMb(plain)).isEqualTo(16);
        }
    }

    /** The MVStore's page cache limit, as H2 reports it (in MB). */
    private static int cacheMb(H2RuntimeStore store) throws Exception {
        try (ResultSet rs = store.connection().createStatement()
                .executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            assertThat(rs.next()).isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
