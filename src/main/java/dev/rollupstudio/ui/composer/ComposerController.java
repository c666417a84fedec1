package dev.rollupstudio.ui.composer;

import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Estimate;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Problem;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.ui.common.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The composer canvas: a palette grouped by layer, one lane per layer, the selected
 * component's properties, and live checks, estimate and risk. Drag and drop moves our own
 * nodes with mouse handlers (not the platform's DnD), so it works the same under test.
 */
public final class ComposerController {
    private final ComposerViewModel vm;
    private final Runnable onLaunch;
    private final Map<Layer, HBox> laneNodes = new EnumMap<>(Layer.class);
    private final RiskRosette rosette = new RiskRosette();
    private Label ghost;
    private boolean dragging;

    @FXML private StackPane root;
    @FXML private Pane overlay;
    @FXML private VBox palette;
    @FXML private VBox lanes;
    @FXML private GridPane estimateGrid;
    @FXML private StackPane rosetteHolder;
    @FXML private Label propertiesTitle;
    @FXML private PropertySheet properties;
    @FXML private ListView<Problem> problems;
    @FXML private Label projectTitle;
    @FXML private Label projectFile;
    @FXML private Label message;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button launchButton;
    @FXML private Spinner<Integer> tpsSpinner;
    @FXML private javafx.scene.control.TabPane sideTabs;
    @FXML private VBox diagramPane;
    @FXML private Label checksTitle;
    @FXML private javafx.scene.control.SplitPane split;
    private javafx.scene.Node paletteScroll;
    private DiagramTab diagramTab;

    public ComposerController(ComposerViewModel vm, Runnable onLaunch) {
        this.vm = vm;
        this.onLaunch = onLaunch;
    }

    public Parent load() {
        FXMLLoader loader = new FXMLLoader(ComposerController.class.getResource("/fxml/composer/ComposerView.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the composer layout could not be loaded", e);
        }
    }

    @FXML private void initialize() {
        buildPalette();
        for (Layer l : Layer.values()) lanes.getChildren().add(lane(l));
        rosetteHolder.getChildren().add(rosette);
        properties.setPropertyEditorFactory(new ParamEditors());
        problems.setId("problems");
        problems.setCellFactory(v -> new ProblemCell(problems));
        problems.setItems(vm.problems());
        problems.setPlaceholder(new Label("No problems: this stack can launch."));
        problems.setOnMouseClicked(e -> {
            Problem p = problems.getSelectionModel().getSelectedItem();
            if (p != null) vm.select(p);
        });
        var load = new SpinnerValueFactory.IntegerSpinnerValueFactory(MIN_TPS, MAX_TPS, (int) vm.tpsProperty().get(), 50);
        load.setConverter(new LoadConverter());
        tpsSpinner.setValueFactory(load);
        tpsSpinner.valueProperty().addListener((o, a, b) -> vm.tpsProperty().set(b));
        launchButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR), vm.problems()));
        undoButton.disableProperty().bind(vm.canUndoProperty().not());
        redoButton.disableProperty().bind(vm.canRedoProperty().not());
        undoButton.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        redoButton.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z)"));
        launchButton.setTooltip(new Tooltip("Run this stack on the embedded runtime (Ctrl+R)"));
        message.textProperty().bind(vm.messageProperty());
        vm.specProperty().addListener((o, a, b) -> refresh());
        vm.selectedProperty().addListener((o, a, b) -> refresh());
        vm.dirtyProperty().addListener((o, a, b) -> refreshTitle());
        vm.fileProperty().addListener((o, a, b) -> refreshTitle());
        vm.estimateProperty().addListener((o, a, b) -> showEstimate(b));
        vm.riskProperty().addListener((o, a, b) -> rosette.show(b));
        vm.problems().addListener((javafx.collections.ListChangeListener<Problem>) ch -> markFaultyLanes());
        diagramTab = new DiagramTab(vm);
        buildDiagramPane();
        refresh();
        showEstimate(vm.estimateProperty().get());
        rosette.show(vm.riskProperty().get());
    }

    /**
     * Presentation mode: the lanes and the diagram share the width, the side pane opens on the
     * diagram, and the palette steps aside (a lane's context menu still replaces its component).
     */
    public void setPresentation(boolean on) {
        sideTabs.getSelectionModel().select(on ? 1 : 0);
        if (paletteScroll == null) paletteScroll = split.getItems().get(0);
        boolean shown = split.getItems().contains(paletteScroll);
        if (on && shown) {
            split.getItems().remove(paletteScroll);
            split.setDividerPositions(0.5);
        } else if (!on && !shown) {
            split.getItems().add(0, paletteScroll);
            split.setDividerPositions(0.2, 0.63);
        }
    }

    /** The Diagram tab; while it is open the diagram takes the checks' room (the lanes still mark a faulty layer). */
    private void buildDiagramPane() {
        VBox.setVgrow(diagramTab, javafx.scene.layout.Priority.ALWAYS);
        diagramPane.getChildren().add(diagramTab);
        var checks = javafx.beans.binding.Bindings.createBooleanBinding(() -> sideTabs.getSelectionModel().getSelectedIndex() == 0,
                sideTabs.getSelectionModel().selectedIndexProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {checksTitle, problems}) {
            n.visibleProperty().bind(checks);
            n.managedProperty().bind(checks);
        }
    }

    private static final int MIN_TPS = 1;
    private static final int MAX_TPS = 100_000;

    /** Reads what was typed into Load; a value out of range is brought into it, and the hint bar says so. */
    private final class LoadConverter extends javafx.util.StringConverter<Integer> {
        @Override public String toString(Integer v) {
            return v == null ? "" : Integer.toString(v);
        }

        @Override public Integer fromString(String text) {
            String t = text.trim().replace(",", "").replace("_", "");
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                vm.messageProperty().set("Load must be a number of transactions per second, " + MIN_TPS + " to " + Format.integer(MAX_TPS)
                        + "; '" + text.trim() + "' is not, so it stays at " + Format.integer(tpsSpinner.getValue()));
                return tpsSpinner.getValue();
            }
            long n = Math.round(v);
            if (n < MIN_TPS || n > MAX_TPS || Double.isNaN(v)) {
                int clamped = (int) Math.max(MIN_TPS, Math.min(MAX_TPS, n));
                vm.messageProperty().set("Load is " + MIN_TPS + " to " + Format.integer(MAX_TPS) + " tx/s: " + t + " was set to " + Format.integer(clamped));
                return clamped;
            }
            return (int) n;
        }
    }

    @FXML private void undo() {
        vm.undo();
    }

    @FXML private void redo() {
        vm.redo();
    }

    @FXML private void launch() {
        onLaunch.run();
    }

    // --- palette and drag -------------------------------------------------------------------------

    private void buildPalette() {
        for (Layer layer : Layer.values()) {
            Label header = new Label(layer.title.toUpperCase());
            header.getStyleClass().add("palette-header");
            palette.getChildren().add(header);
            for (Component c : vm.spec().catalog().forLayer(layer)) palette.getChildren().add(paletteItem(c));
        }
    }

    private Node paletteItem(Component c) {
        Label item = new Label(c.name(), new FontIcon(c.iconKey()));
        item.setId("palette-" + c.layer().key + "-" + c.id());
        item.getStyleClass().add("palette-item");
        item.setMaxWidth(Double.MAX_VALUE);
        item.setFocusTraversable(true);
        Tooltip tip = new Tooltip(c.name() + "\n\n" + c.explanation() + "\n\n" + c.effect().describe());
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        item.setTooltip(tip);
        MenuItem add = new MenuItem("Add to the " + c.layer().title + " lane");
        add.setOnAction(e -> vm.place(c));
        item.setContextMenu(new ContextMenu(add));
        item.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) vm.place(c);
        });
        item.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            item.requestFocus();
            dragging = false;
        });
        item.setOnMouseDragged(e -> {
            if (!dragging) startGhost(c);
            dragging = true;
            Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.relocate(p.getX() + 14, p.getY() + 6);
            Layer over = laneAt(e.getSceneX(), e.getSceneY());
            laneNodes.forEach((l, n) -> {
                n.pseudoClassStateChanged(ACCEPT, l == over && l == c.layer());
                n.pseudoClassStateChanged(REFUSE, l == over && l != c.layer());
            });
        });
        item.setOnMouseReleased(e -> {
            if (!dragging) {
                if (e.getClickCount() == 2) vm.place(c);
                return;
            }
            dragging = false;
            overlay.getChildren().remove(ghost);
            laneNodes.values().forEach(n -> {
                n.pseudoClassStateChanged(ACCEPT, false);
                n.pseudoClassStateChanged(REFUSE, false);
            });
            Layer lane = laneAt(e.getSceneX(), e.getSceneY());
            if (lane != null) vm.drop(c, lane);
        });
        return item;
    }

    private static final javafx.css.PseudoClass ACCEPT = javafx.css.PseudoClass.getPseudoClass("accept");
    private static final javafx.css.PseudoClass REFUSE = javafx.css.PseudoClass.getPseudoClass("refuse");
    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    private void startGhost(Component c) {
        ghost = new Label(c.name(), new FontIcon(c.iconKey()));
        ghost.getStyleClass().add("drag-ghost");
        overlay.getChildren().add(ghost);
    }

    private Layer laneAt(double sceneX, double sceneY) {
        for (Map.Entry<Layer, HBox> e : laneNodes.entrySet()) {
            Bounds b = e.getValue().localToScene(e.getValue().getBoundsInLocal());
            if (b.contains(sceneX, sceneY)) return e.getKey();
        }
        return null;
    }

    // --- lanes --------------------------------------------------------------------------------------

    private HBox lane(Layer layer) {
        HBox lane = new HBox(10);
        lane.setId("lane-" + layer.key);
        lane.getStyleClass().add("lane");
        lane.setFocusTraversable(true);
        lane.setOnMouseClicked(e -> {
            vm.select(layer);
            lane.requestFocus();
        });
        lane.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) vm.remove(layer);
        });
        MenuItem remove = new MenuItem("Remove");
        remove.setOnAction(e -> vm.remove(layer));
        Menu replace = new Menu("Replace with");
        for (Component c : vm.spec().catalog().forLayer(layer)) {
            MenuItem m = new MenuItem(c.name());
            m.setOnAction(e -> vm.drop(c, layer));
            replace.getItems().add(m);
        }
        lane.setOnContextMenuRequested(e -> vm.select(layer));
        ContextMenu menu = new ContextMenu(replace, remove);
        lane.setOnContextMenuRequested(e -> {
            vm.select(layer);
            menu.show(lane, e.getScreenX(), e.getScreenY());
        });
        laneNodes.put(layer, lane);
        return lane;
    }

    private void refreshLane(Layer layer, StackSpec spec) {
        HBox lane = laneNodes.get(layer);
        Label title = new Label(layer.title);
        title.getStyleClass().add("lane-title");
        title.setMinWidth(150);
        title.setPrefWidth(150);
        title.setWrapText(true); // "Data availability" in presentation mode's larger type
        Component c = spec.component(layer);
        Node body;
        if (c == null) {
            Label empty = new Label("Drop a " + layer.title.toLowerCase() + " component here");
            empty.getStyleClass().add("lane-empty");
            body = empty;
        } else {
            Label name = new Label(c.name(), new FontIcon(c.iconKey()));
            name.getStyleClass().add("lane-component");
            Label summary = new Label(summary(spec, layer, c));
            summary.getStyleClass().addAll("text-muted", "lane-summary");
            Label badge = effectBadge(layer, c);
            VBox box = new VBox(1, badge == null ? name : new HBox(8, name, badge), summary);
            Tooltip tip = new Tooltip(c.name() + "\n\n" + c.explanation() + "\n\n" + c.effect().describe());
            tip.setWrapText(true);
            tip.setMaxWidth(340);
            Tooltip.install(box, tip);
            body = box;
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        lane.pseudoClassStateChanged(SELECTED, vm.selectedProperty().get() == layer);
        lane.getChildren().setAll(title, body, new Region());
    }

    /**
     * A component the runtime does not run yet says so on its card ("coming", "estimates only"),
     * and so does one with settings that only the estimates and the risk view use ("partly modelled").
     */
    private static Label effectBadge(Layer layer, Component c) {
        List<Param<?>> modelled = c.params().stream().filter(p -> !p.effect().acts()).toList();
        if (c.effect().acts() && modelled.isEmpty()) return null;
        String text = c.effect().acts() ? "partly modelled" : c.effect().kind() == dev.rollupstudio.spec.Effect.Kind.COMING ? "coming" : "estimates only";
        String why = c.effect().acts() ? String.join("\n", modelled.stream().map(p -> p.label() + ". " + p.effect().describe()).toList())
                : c.effect().describe();
        Label badge = new Label(text);
        badge.setId("effect-" + layer.key);
        badge.getStyleClass().add("effect-badge");
        if (c.effect().acts()) { // an icon only: long names on the card keep their room
            badge.setGraphic(new FontIcon("fth-info"));
            badge.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            badge.getStyleClass().setAll("effect-icon");
        }
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(why);
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        badge.setTooltip(tip);
        return badge;
    }

    private static final javafx.css.PseudoClass FAULTY = javafx.css.PseudoClass.getPseudoClass("faulty");

    /** A lane with an error in the checks gets a red border; nothing else about a lane depends on the checks. */
    private void markFaultyLanes() {
        laneNodes.forEach((layer, lane) -> lane.pseudoClassStateChanged(FAULTY,
                vm.problems().stream().anyMatch(p -> p.layer() == layer && p.severity() == Problem.Severity.ERROR)));
    }

    private static final int SUMMARY_CHARS = 46;

    /** As many parameters as fit in a line, compactly; the property sheet has the rest. */
    private static String summary(StackSpec spec, Layer layer, Component c) {
        String params = dev.rollupstudio.ui.common.ParamSummary.of(spec, layer, c, SUMMARY_CHARS);
        if (!params.isEmpty()) return params;
        String first = c.explanation().split("[.:;]")[0];
        if (first.length() <= SUMMARY_CHARS) return first;
        return first.substring(0, first.lastIndexOf(' ', SUMMARY_CHARS - 2)) + " …";
    }

    // --- refresh ----------------------------------------------------------------------------------

    private void refresh() {
        StackSpec spec = vm.spec();
        diagramTab.refresh();
        for (Layer l : Layer.values()) refreshLane(l, spec);
        refreshTitle();
        Layer sel = vm.selectedProperty().get();
        Component c = sel == null ? null : spec.component(sel);
        if (c == null) {
            properties.getItems().clear();
            propertiesTitle.setText(sel == null ? "Select a component on a lane" : "The " + sel.title.toLowerCase() + " lane is empty: drag a component onto it");
        } else {
            vm.clearTyped(); // the fields are rebuilt from the spec: what was typed and not applied is gone
            List<PropertySheet.Item> items = c.params().stream().<PropertySheet.Item>map(p -> new ParamItem(vm, sel, p)).toList();
            properties.getItems().setAll(items);
            propertiesTitle.setText(c.params().isEmpty() ? c.name() + " has no parameters" : c.name() + " · properties");
        }
    }

    private void refreshTitle() {
        projectTitle.setText(vm.spec().name() + (vm.dirtyProperty().get() ? "  •" : ""));
        projectFile.setText(vm.fileProperty().get() == null ? "not saved yet · chain " + vm.spec().chainId()
                : vm.fileProperty().get().toString() + " · chain " + vm.spec().chainId());
    }

    private void showEstimate(Estimate e) {
        estimateGrid.getChildren().clear();
        if (e == null) {
            Label l = new Label(vm.problems().isEmpty() ? "Working…" : "Fix the errors under Checks to see estimates.");
            l.getStyleClass().add("text-muted");
            l.setWrapText(true);
            estimateGrid.add(l, 0, 0, 2, 1);
            return;
        }
        int r = 0;
        row(r++, "Ceiling", Format.tps(e.throughputCeilingTps()), "estimate-ceiling");
        row(r++, "Bound by", e.bindingLayer(), "estimate-binding");
        row(r++, "Cost / tx", Format.usd(e.costPerTx().total()), "estimate-total");
        row(r++, "  L2 execution", Format.usd(e.costPerTx().execution()), "estimate-execution");
        row(r++, "  data (DA)", Format.usd(e.costPerTx().da()), "estimate-da");
        row(r++, "  settlement", Format.usd(e.costPerTx().settlement()), "estimate-settlement");
        row(r++, "Soft", Format.duration(e.timeToFinality().softSeconds()), "estimate-soft");
        row(r++, "Safe", Format.duration(e.timeToFinality().safeSeconds()), "estimate-safe");
        row(r, "Final", Format.duration(e.timeToFinality().finalSeconds()), "estimate-final");
        Tooltip.install(estimateGrid, new Tooltip("Final by " + e.timeToFinality().finalBy() + " at " + Format.tps(vm.tpsProperty().get())));
    }

    private void row(int r, String name, String value, String id) {
        Label n = new Label(name);
        n.getStyleClass().add("text-muted");
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setMinWidth(Region.USE_PREF_SIZE);
        v.setId(id);
        v.getStyleClass().add("estimate-value");
        estimateGrid.add(n, 0, r);
        estimateGrid.add(v, 1, r);
    }

    /** A check: icon by severity, the message wrapped. */
    /** A check, wrapped to the list's width (never cut off), with its file path in the tooltip. */
    private static final class ProblemCell extends ListCell<Problem> {
        private final ListView<Problem> list;

        ProblemCell(ListView<Problem> list) {
            this.list = list;
            setPrefWidth(0); // never wider than the list: no horizontal scrolling, the text wraps instead
        }

        @Override protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            FontIcon icon = new FontIcon(p.severity() == Problem.Severity.ERROR ? "fth-x-circle" : "fth-alert-triangle");
            icon.getStyleClass().add(p.severity() == Problem.Severity.ERROR ? "problem-error" : "problem-warning");
            Label text = new Label(p.message());
            text.setWrapText(true);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            text.maxWidthProperty().bind(list.widthProperty().subtract(56));
            HBox box = new HBox(6, icon, text);
            setGraphic(box);
            setText(null);
            setTooltip(new Tooltip(p.message() + "\n" + p.path()));
        }
    }
}
