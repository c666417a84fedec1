package dev.rollupstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write-mostly store gets a small page cache and no automatic ANALYZE; a plain one keeps H2's defaults. */
class CacheSizeTest {
    @TempDir Path dir;

    @Test void aWriteMostlyStoreHasASmallCacheAndNoAutomaticAnalyze() throws Exception {
        try (H2RuntimeStore small = H2RuntimeStore.openWriteMostly(dir.resolve("small"));
             H2RuntimeStore plain = H2RuntimeStore.open(dir.resolve("plain"))) {
            assertThat(setting(small, "info.CACHE_MAX_SIZE")).isEqualTo("1"); // MB
            assertThat(setting(plain, "info.CACHE_MAX_SIZE")).isEqualTo("16");
            assertThat(setting(small, "ANALYZE_AUTO")).isEqualTo("0");
            assertThat(setting(plain, "ANALYZE_AUTO")).isEqualTo("2000");
        }
    }

    @Test void aWriteMostlyStoreReopensWithItsChain() throws Exception {
        try (H2RuntimeStore s = H2RuntimeStore.openWriteMostly(dir.resolve("again"))) {
            s.connection().createStatement().execute("INSERT INTO meta(k, v) VALUES ('probe', 'kept')");
            s.connection().commit();
        }
        try (H2RuntimeStore s = H2RuntimeStore.openWriteMostly(dir.resolve("again"));
             ResultSet rs = s.connection().createStatement().executeQuery("SELECT v FROM meta WHERE k = 'probe'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    private static String setting(H2RuntimeStore store, String name) throws Exception {
        try (ResultSet rs = store.connection().createStatement()
                .executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            assertThat(rs.next()).as(name).isTrue();
            return rs.getString(1);
        }
    }
}
