package dev.rollupstudio.ui.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;

/** Asks where to save a chart's export and reports a failure in words. */
final class ChartExport {
    interface Writer {
        void write(Path p) throws IOException;
    }

    private ChartExport() {}

    static void choose(Node owner, String suggested, Writer writer) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(suggested.toLowerCase().replaceAll("[^a-z0-9.]+", "-"));
        File f = fc.showSaveDialog(owner.getScene().getWindow());
        if (f == null) return;
        try {
            writer.write(f.toPath());
        } catch (IOException | RuntimeException e) {
            new Alert(Alert.AlertType.ERROR, "Could not export to " + f + ": " + e.getMessage()).showAndWait();
        }
    }
}
