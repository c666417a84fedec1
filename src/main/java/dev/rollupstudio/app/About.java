package dev.rollupstudio.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** What the About dialog and --version say: the version, the bundled libraries' licences, the data folder. */
public final class About {
    private About() {}

    public static String version() {
        try (InputStream in = About.class.getResourceAsStream("/about/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    public static String licenses() {
        try (InputStream in = About.class.getResourceAsStream("/about/licenses.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
