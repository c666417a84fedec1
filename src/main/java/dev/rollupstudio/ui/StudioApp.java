package dev.rollupstudio.ui;

import atlantafx.base.theme.PrimerDark;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop studio: an AtlantaFX-themed shell around the screens. */
public final class StudioApp extends Application {
    public static final String TITLE = "Rollup Studio";

    public static void launchStudio(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        stage.setTitle(TITLE);
        stage.setScene(scene());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
    }

    /** The main window's scene, with the studio stylesheet. */
    public static Scene scene() {
        Parent root;
        try {
            root = FXMLLoader.load(StudioApp.class.getResource("/fxml/shell/ShellView.fxml"));
        } catch (IOException e) {
            throw new UncheckedIOException("the main window layout could not be loaded", e);
        }
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(StudioApp.class.getResource("/css/studio.css").toExternalForm());
        return scene;
    }
}
