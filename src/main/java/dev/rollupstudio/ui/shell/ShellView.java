package dev.rollupstudio.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the main window's FXML. */
public final class ShellView {
    private ShellView() {}

    public static Parent load() {
        try {
            return FXMLLoader.load(ShellView.class.getResource("/fxml/shell/ShellView.fxml"));
        } catch (IOException e) {
            throw new UncheckedIOException("the main window layout could not be loaded", e);
        }
    }
}
