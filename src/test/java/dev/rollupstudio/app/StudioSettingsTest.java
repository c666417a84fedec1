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
    void aDamagedDatabaseForgetsRecentProjectsButNotTheTheme(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("studio.mv.db"), "this is not an H2 file");
        try (StudioSettings s = StudioSettings.open(dir)) {
            assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("is damaged").contains("Move the folder away to start fresh"));
            s.set("theme", "light");
            s.opened(dir.resolve("a.rollup.json"), "A", 1);
            assertThat(s.recent()).isEmpty();
        }
        try (StudioSettings s = StudioSettings.open(dir)) {
            assertThat(s.get("theme")).contains("light");
        }
    }

    /** The first frame reads a file, not the database: the theme and geometry are there, and a damaged file means defaults. */
    @Test
    void theFirstFrameNeedsNoDatabase(@TempDir Path dir) throws Exception {
        try (StudioSettings s = StudioSettings.open(dir)) {
            s.set("window.height", "900.0");
        }
        assertThat(Files.readString(dir.resolve(StudioSettings.FILE))).contains("window.height=900.0");
        Files.writeString(dir.resolve(StudioSettings.FILE), "window.height=\\u12");
        try (StudioSettings s = StudioSettings.open(dir)) {
            assertThat(s.number("window.height", 800)).isEqualTo(800);
        }
    }

    /** A data folder from before the move keeps its theme: read once from the database, then from the file. */
    @Test
    void settingsKeptInTheDatabaseBeforeAreCarriedOver(@TempDir Path dir) {
        try (var db = dev.rollupstudio.store.StudioStore.open(dir)) {
            db.setSetting("theme", "light");
            db.setSetting("window.width", "1500.0");
        }
        try (StudioSettings s = StudioSettings.open(dir)) {
            assertThat(s.get("theme")).contains("light");
            assertThat(s.number("window.width", 0)).isEqualTo(1500);
        }
        assertThat(dir.resolve(StudioSettings.FILE)).exists();
    }
}
