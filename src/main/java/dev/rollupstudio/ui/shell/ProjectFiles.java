package dev.rollupstudio.ui.shell;

import static dev.rollupstudio.ui.shell.ShellController.item;

import dev.rollupstudio.app.StudioSettings;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.SpecFileException;
import dev.rollupstudio.ui.composer.ComposerViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The File menu's work on stack files: open, save, save as, export, and asking before changes are lost. */
final class ProjectFiles {
    private final Stage stage;
    private final StudioSettings settings;
    private final ComposerViewModel composer;
    private final Runnable showComposer;

    ProjectFiles(Stage stage, StudioSettings settings, ComposerViewModel composer, Runnable showComposer) {
        this.stage = stage;
        this.settings = settings;
        this.composer = composer;
        this.showComposer = showComposer;
    }

    /** The File menu: new from a preset, open, open recent, save, save as, export, quit. */
    Menu menu(Runnable quit) {
        Menu presets = new Menu("New from preset");
        for (String id : Presets.ids()) presets.getItems().add(item(Presets.get(id).name(), null, () -> {
            if (confirmDiscard()) composer.newFromPreset(id);
        }));
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (StudioSettings.Recent r : settings.recent()) recent.getItems().add(item(r.name() + "  —  " + r.path(), null, () -> open(r.path())));
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No recent projects");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("…"));
        Menu export = new Menu("Export");
        export.getItems().addAll(item("OP Stack deploy config…", null, () -> export("op-stack")), item("Arbitrum Orbit chain config…", null, () -> export("orbit")));
        return new Menu("File", null, presets, item("Open…", "Shortcut+O", this::openDialog), recent,
                item("Save", "Shortcut+S", this::save), item("Save as…", "Shortcut+Shift+S", this::saveAs), export,
                item("Quit", "Shortcut+Q", quit));
    }

    private void openDialog() {
        if (!confirmDiscard()) return;
        File f = chooser("Open a stack").showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    void open(Path path) {
        try {
            composer.open(path);
            settings.opened(path, composer.spec().name(), System.currentTimeMillis());
            showComposer.run();
        } catch (SpecFileException e) {
            composer.messageProperty().set("Cannot open " + path.getFileName() + ": " + e.getMessage());
            if (stage.isShowing()) openProblems(path, e).show();
        }
    }

    /** Every problem in a stack file that would not open, one per line, with where it is and what to change. */
    private static Alert openProblems(Path path, SpecFileException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Cannot open " + path.getFileName());
        alert.setHeaderText(path.getFileName() + (e.problems().size() == 1 ? " has a problem" : " has " + e.problems().size() + " problems"));
        TextArea text = new TextArea(String.join("\n", e.problems().stream().map(Throwable::getMessage).toList()));
        text.setId("open-problems");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(12, 2 * e.problems().size() + 1));
        alert.getDialogPane().setContent(text);
        return alert;
    }

    private void save() {
        if (composer.fileProperty().get() == null) saveAs();
        else saveTo(composer.fileProperty().get());
    }

    private void saveAs() {
        FileChooser fc = chooser("Save the stack");
        fc.setInitialFileName(composer.spec().name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".rollup.json");
        File f = fc.showSaveDialog(stage);
        if (f != null) saveTo(f.toPath());
    }

    boolean saveTo(Path path) {
        try {
            composer.save(path);
            settings.opened(path, composer.spec().name(), System.currentTimeMillis());
            return true;
        } catch (IOException e) {
            composer.messageProperty().set("Cannot save " + path.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    private void export(String target) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + (target.equals("orbit") ? "Orbit chain config" : "OP Stack deploy config"));
        fc.setInitialFileName(target.equals("orbit") ? "orbit-chain-config.json" : "deploy-config.json");
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        try {
            composer.export(target, f.toPath());
        } catch (RuntimeException | IOException e) {
            composer.messageProperty().set("Cannot export: " + e.getMessage());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rollup stacks", "*.rollup.json", "*.json"));
        return fc;
    }

    /** Asks before unsaved changes are lost: Save, Don't save, or Cancel. True when it is fine to go on. */
    boolean confirmDiscard() {
        if (!composer.dirtyProperty().get()) return true;
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "\"" + composer.spec().name() + "\" has changes that are not saved.", save, discard, ButtonType.CANCEL);
        a.setHeaderText("Save your changes?");
        a.initOwner(stage);
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            save();
            return !composer.dirtyProperty().get();
        }
        return answer == discard;
    }
}
