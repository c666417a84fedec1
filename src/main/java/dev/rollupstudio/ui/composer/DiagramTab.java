package dev.rollupstudio.ui.composer;

import dev.rollupstudio.ui.diagram.DiagramExport;
import dev.rollupstudio.ui.diagram.DiagramView;
import dev.rollupstudio.ui.diagram.StackDiagram;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The composer's Diagram tab: the composed stack as an architecture drawing that follows every
 * edit, exported as SVG or PNG for slides, or opened in its own window for a second screen.
 */
final class DiagramTab extends VBox {
    private final ComposerViewModel vm;
    private final DiagramView diagram = new DiagramView();
    private final List<DiagramView> windows = new ArrayList<>();

    DiagramTab(ComposerViewModel vm) {
        super(6);
        this.vm = vm;
        diagram.setId("stack-diagram");
        VBox.setVgrow(diagram, Priority.ALWAYS);
        Button svg = new Button("SVG…", new FontIcon("fth-download"));
        svg.setId("diagram-export-svg");
        svg.setOnAction(e -> export("svg"));
        Button png = new Button("PNG…", new FontIcon("fth-image"));
        png.setId("diagram-export-png");
        png.setOnAction(e -> export("png"));
        Button window = new Button("Window", new FontIcon("fth-maximize-2"));
        window.setId("diagram-window");
        window.setTooltip(new Tooltip("Open the diagram in its own window (for a projector); it follows every edit"));
        window.setOnAction(e -> openWindow());
        Label hint = new Label("Export");
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(6, hint, svg, png, window);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(diagram, bar);
        vm.estimateProperty().addListener((o, a, b) -> refresh());
        vm.tpsProperty().addListener((o, a, b) -> refresh());
    }

    /** Draws the stack as the composer now has it, here and in every open window. */
    void refresh() {
        StackDiagram d = StackDiagram.of(vm.spec(), vm.estimateProperty().get(), vm.tpsProperty().get());
        diagram.show(d);
        for (DiagramView w : windows) w.show(d);
    }

    /** The diagram alone in a resizable window that follows the composer, for a projector or a second screen. */
    private void openWindow() {
        DiagramView view = new DiagramView();
        view.show(diagram.shown());
        Stage stage = new Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle("Stack diagram — " + vm.spec().name());
        StackPane pane = new StackPane(view);
        pane.getStyleClass().add("stack-diagram");
        pane.setPadding(new Insets(12));
        Scene scene = new Scene(pane, 760, 800);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        windows.add(view);
        stage.setOnHidden(e -> windows.remove(view));
        stage.show();
    }

    private void export(String type) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(vm.spec().name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-diagram." + type);
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        try {
            if (type.equals("svg")) DiagramExport.svg(diagram.shown(), f.toPath());
            else DiagramExport.png(diagram.shown(), f.toPath(), 2, getScene().getStylesheets());
            vm.messageProperty().set("Diagram saved to " + f);
        } catch (IOException | RuntimeException ex) {
            vm.messageProperty().set("Could not save the diagram to " + f + ": " + ex.getMessage());
        }
    }
}
