package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioSettingsTest {

    @Test
    void themeGeometryAndRecentProjectsSurviveARestart(@TempDir Path dir) {
        try (StudioSettings s = StudioSettings.open(dir)) {
            s.set("theme", "light");
            s.set("window.width", "1400.0");
            s.opened(dir.resolve("a.rollup.json"), "A", 1);
            s.opened(dir.resolve("b.rollup.json"), "B", 2);
            s.opened(dir.resolve("a.rollup.json"), "A", 3);
        }
        try (StudioSettings s = StudioSettings.open(dir)) {
            assertThat(s.get("theme")).contains("light");
            assertThat(s.number("window.width", 0)).isEqualTo(1400.0);
            assertThat(s.number("window.height", 800)).isEqualTo(800);
            assertThat(s.recent()).extracting(StudioSettings.Recent::name).containsExactly("A", "B");
        }
    }

    @Test
    void aDamagedDatabaseDoesNotStopTheStudio(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("studio.mv.db"), "this is not an H2 file");
        try (StudioSettings s = StudioSettings.open(dir)) {
            assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("is damaged").contains("Move the folder away to start fresh"));
            s.set("theme", "dark");
            assertThat(s.get("theme")).isEmpty();
            assertThat(s.recent()).isEmpty();
        }
    }
}
