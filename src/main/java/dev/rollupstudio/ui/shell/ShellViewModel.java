package dev.rollupstudio.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State of the main window: which screen is shown and what the status bar says. Testable without a window. */
public final class ShellViewModel {
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.COMPOSER);
    private final StringProperty status = new SimpleStringProperty("Embedded runtime ready · no rollup running");

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public void show(Screen s) {
        screen.set(s);
    }
}
