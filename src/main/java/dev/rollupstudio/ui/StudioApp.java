package dev.rollupstudio.ui;

import atlantafx.base.theme.PrimerDark;
import dev.rollupstudio.ui.shell.ShellView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop studio: an AtlantaFX-themed shell around the screens. */
public final class StudioApp extends Application {

    public static void launchStudio(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        Scene scene = new Scene(ShellView.load(), 1280, 800);
        scene.getStylesheets().add(StudioApp.class.getResource("/css/studio.css").toExternalForm());
        stage.setTitle("Rollup Studio");
        stage.setScene(scene);
        stage.show();
    }
}
