package dev.rollupstudio.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the shell's FXML to its view model: sidebar navigation, the screen's empty state, the status bar. */
public final class ShellController {
    private final ShellViewModel model = new ShellViewModel();
    @FXML private VBox navigation;
    @FXML private FontIcon screenIcon;
    @FXML private Label screenTitle;
    @FXML private Label screenHeadline;
    @FXML private Label screenDescription;
    @FXML private Label status;

    @FXML private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(s.title, new FontIcon(s.icon));
            b.setId("nav-" + s.name().toLowerCase());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setOnAction(e -> model.show(s));
            b.setSelected(s == model.screenProperty().get());
            navigation.getChildren().add(b);
        }
        // keep one screen selected: clicking the active button does not deselect it
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) old.setSelected(true);
        });
        model.screenProperty().addListener((obs, old, s) -> render(s));
        status.textProperty().bind(model.statusProperty());
        render(model.screenProperty().get());
    }

    private void render(Screen s) {
        screenIcon.setIconLiteral(s.icon);
        screenTitle.setText(s.title);
        screenHeadline.setText(s.headline);
        screenDescription.setText(s.description);
    }

    public ShellViewModel model() {
        return model;
    }
}
