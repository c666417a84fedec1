package dev.rollupstudio.app;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The user's data folder for Rollup Studio, per OS conventions (overridable with ROLLUP_STUDIO_HOME or -Drollupstudio.home). */
public final class AppPaths {
    private AppPaths() {}

    public static Path dataDir() {
        String override = System.getProperty("rollupstudio.home", System.getenv("ROLLUP_STUDIO_HOME"));
        if (override != null && !override.isBlank()) return Paths.get(override);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Paths.get(appData != null ? appData : home, "RollupStudio");
        }
        if (os.contains("mac")) return Paths.get(home, "Library", "Application Support", "Rollup Studio");
        String xdg = System.getenv("XDG_DATA_HOME");
        return Paths.get(xdg != null && !xdg.isBlank() ? xdg : Paths.get(home, ".local", "share").toString(), "rollup-studio");
    }

    public static Path defaultRuntimeDb() {
        return dataDir().resolve("runtime");
    }
}
