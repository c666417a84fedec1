package dev.rollupstudio.ui.shell;

import dev.rollupstudio.app.About;
import dev.rollupstudio.app.AppPaths;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: the version, where the data lives, and the licences of everything bundled. */
public final class AboutDialog {
    private AboutDialog() {}

    public static Alert create(Window owner) {
        Alert a = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        a.setTitle("About Rollup Studio");
        a.setHeaderText("Rollup Studio " + About.version());
        if (owner != null) a.initOwner(owner);
        var icon = AboutDialog.class.getResourceAsStream("/icons/rollup-studio-64.png");
        if (icon != null) a.setGraphic(new ImageView(new Image(icon)));
        Label intro = new Label("Compose modular rollups, run them on an embedded runtime, and watch them live.");
        intro.setWrapText(true);
        Label data = new Label("Data folder: " + AppPaths.dataDir().toAbsolutePath());
        data.setId("about-data-folder");
        data.setWrapText(true);
        TextArea licences = new TextArea(About.licenses());
        licences.setEditable(false);
        licences.setPrefRowCount(10);
        licences.setId("about-licences");
        VBox box = new VBox(10, intro, data, new Label("Bundled libraries and their licences:"), licences);
        box.setPrefWidth(520);
        a.getDialogPane().setContent(box);
        return a;
    }
}
