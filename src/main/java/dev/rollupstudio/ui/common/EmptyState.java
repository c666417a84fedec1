package dev.rollupstudio.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The centred icon, headline and hint a screen shows when it has nothing yet, and what to do about it. */
public final class EmptyState {
    private EmptyState() {}

    public static VBox of(String icon, String headline, String hint, Node... actions) {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add("empty-icon");
        Label title = new Label(headline);
        title.getStyleClass().add("title-3");
        Label text = new Label(hint);
        text.getStyleClass().add("text-muted");
        text.setWrapText(true);
        text.setMaxWidth(560);
        VBox box = new VBox(14, i, title, text);
        box.getChildren().addAll(actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
