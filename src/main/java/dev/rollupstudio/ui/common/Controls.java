package dev.rollupstudio.ui.common;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small controls the screens build the same way. */
public final class Controls {
    private Controls() {}

    /** A button with an icon, an id for tests, and its action. */
    public static Button button(String text, String icon, String id, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Takes the free width of an HBox, pushing what follows it to the right. */
    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
