package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.app.RuntimeService;
import dev.rollupstudio.ui.common.EmptyState;
import dev.rollupstudio.ui.common.Format;
import dev.rollupstudio.ui.common.RuntimeBridge;
import dev.rollupstudio.workload.Scenario;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runtime screen: the controls (launch, pause, one-block step, speed, reset, scenario,
 * load), the running stack's layers, its heads and counters, and the live charts.
 */
public final class RuntimeScreen extends StackPane {
    static final List<String> SPEEDS = List.of("0.1x", "0.5x", "1x", "2x", "5x", "10x", "100x", "max");
    private final RuntimeViewModel vm;
    private final DashboardCharts charts;
    private final Runnable launch;
    private final Label title = new Label();
    private final FlowPane layers = new FlowPane(6, 6);
    private final Label unsafe = value("head-unsafe");
    private final Label safe = value("head-safe");
    private final Label finalized = value("head-finalized");
    private final Label blocks = value("count-blocks");
    private final Label txs = value("count-txs");
    private final Label batches = value("count-batches");
    private final Label outputs = value("count-outputs");
    private final ToggleButton pause = new ToggleButton("Pause", new FontIcon("fth-pause"));
    private final BorderPane running = new BorderPane();
    private final GridPane chartGrid = new GridPane();
    private final Label thisRun = new Label();
    private final java.util.Map<LiveChart, ToggleButton> toggles = new java.util.HashMap<>();
    private final ToggleButton freeze = new ToggleButton("Pause scroll", new FontIcon("fth-lock"));
    private final VBox empty;
    private final FaultPanel faultPanel;
    /** The ephemeral rollup shown in place of the launched stack, or null. */
    private WatchPane watching;
    private final javafx.beans.property.BooleanProperty watchShown = new javafx.beans.property.SimpleBooleanProperty();

    public RuntimeScreen(RuntimeService runtimes, RuntimeBridge bridge, DashboardCharts charts, PipelineView pipeline,
                         java.util.concurrent.Executor control, Runnable launch, Runnable stop) {
        this.vm = new RuntimeViewModel(runtimes, control);
        this.charts = charts;
        this.launch = launch;
        this.faultPanel = new FaultPanel(vm);
        getStyleClass().add("runtime-screen");
        running.setTop(new VBox(10, toolbar(stop), summary(), pipeline));
        running.setCenter(chartsPane(freeze));
        BorderPane.setMargin(running.getCenter(), new Insets(6, 0, 0, 0));
        running.setPadding(new Insets(12, 16, 8, 16));
        empty = emptyState();
        getChildren().addAll(empty, running);
        bind();
        bridge.snapshotProperty().addListener((o, a, s) -> vm.show(s));
        vm.show(bridge.snapshotProperty().get());
    }

    public RuntimeViewModel viewModel() {
        return vm;
    }

    /** Shows {@code r} in place of the launched stack until the user goes back (or another is watched). */
    public void watch(WatchedRollup r) {
        unwatch();
        watching = new WatchPane(r, this::unwatch);
        getChildren().add(watching);
        watchShown.set(true);
    }

    /** Back to the launched stack (or the empty state). */
    public void unwatch() {
        if (watching == null) return;
        watching.stop();
        getChildren().remove(watching);
        watching = null;
        watchShown.set(false);
    }

    /** The ephemeral rollup watched, or null. */
    public WatchedRollup watched() {
        return watching == null ? null : watching.watched();
    }

    private void bind() {
        running.visibleProperty().bind(vm.runningProperty().and(watchShown.not()));
        empty.visibleProperty().bind(vm.runningProperty().not().and(watchShown.not()));
        title.textProperty().bind(vm.titleProperty());
        Label[] values = {unsafe, safe, finalized, blocks, txs, batches, outputs};
        javafx.beans.property.LongProperty[] props = {vm.unsafeProperty(), vm.safeProperty(), vm.finalizedProperty(), vm.blocksProperty(),
                vm.txsProperty(), vm.batchesProperty(), vm.outputsProperty()};
        for (int i = 0; i < values.length; i++) {
            var p = props[i];
            values[i].textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Format.integer(p.get()), p));
        }
        vm.layers().addListener((javafx.collections.ListChangeListener<RuntimeViewModel.LayerChip>) c -> showLayers());
    }

    /** A chip per layer; one the runtime does not run yet is marked and says why. */
    private void showLayers() {
        layers.getChildren().clear();
        for (RuntimeViewModel.LayerChip chip : vm.layers()) {
            Label l = new Label(chip.component() + (chip.note().isEmpty() ? "" : " (not run)"), new FontIcon(chip.iconKey()));
            l.getStyleClass().add("layer-chip");
            if (!chip.note().isEmpty()) l.getStyleClass().add("layer-chip-modelled");
            Tooltip tip = new Tooltip(chip.layer() + ": " + chip.component() + (chip.note().isEmpty() ? "" : "\n" + chip.note()));
            tip.setWrapText(true);
            tip.setMaxWidth(340);
            l.setTooltip(tip);
            layers.getChildren().add(l);
        }
    }

    private HBox toolbar(Runnable stop) {
        title.getStyleClass().add("title-3");
        title.setId("runtime-title");
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        Button step = new Button("Step", new FontIcon("fth-skip-forward"));
        step.setId("step");
        step.setTooltip(new Tooltip("While paused, run until the next L2 block is sealed"));
        step.disableProperty().bind(pause.selectedProperty().not());
        step.setOnAction(e -> vm.step());
        ComboBox<String> speed = new ComboBox<>(FXCollections.observableArrayList(SPEEDS));
        speed.setId("speed");
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setTooltip(new Tooltip("Simulated time against wall time; max runs as fast as the machine can"));
        Button reset = new Button("Reset", new FontIcon("fth-rotate-ccw"));
        reset.setId("reset");
        reset.setTooltip(new Tooltip("Forget this chain and start it again from genesis"));
        reset.setOnAction(e -> {
            charts.clear();
            vm.reset(); // stops, deletes and reopens a chain: off the FX thread
        });
        Button stopButton = new Button("Stop", new FontIcon("fth-square"));
        stopButton.setId("stop");
        stopButton.setOnAction(e -> stop.run());
        // Stop sits where Launch was on the composer: the second click of a double-clicked Launch must not stop the run
        stopButton.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getClickCount() > 1) e.consume();
        });
        ComboBox<Scenario> scenario = new ComboBox<>(FXCollections.observableArrayList(Scenario.values()));
        scenario.setId("scenario");
        scenario.valueProperty().bindBidirectional(vm.scenarioProperty());
        scenario.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Tooltip(vm.scenarioProperty().get().description), vm.scenarioProperty()));
        Slider load = new Slider(0, 5_000, vm.tpsProperty().get());
        load.setId("load");
        load.setPrefWidth(170);
        load.valueProperty().bindBidirectional(vm.tpsProperty());
        Label loadValue = new Label();
        loadValue.setMinWidth(70);
        loadValue.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Format.tps(vm.tpsProperty().get()), vm.tpsProperty()));
        freeze.setId("pause-scroll");
        freeze.setOnAction(e -> charts.all().forEach(c -> c.setScrollPaused(freeze.isSelected())));
        freeze.setTooltip(new Tooltip("Stop the charts scrolling to read or zoom them (drag to zoom, right-click to export)"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label speedNote = new Label();
        speedNote.setId("speed-note");
        speedNote.getStyleClass().add("warning");
        speedNote.setWrapText(true);
        speedNote.setMaxWidth(330);
        speedNote.textProperty().bind(vm.speedNoteProperty());
        HBox bar = new HBox(8, title, grow, speedNote, faultPanel.menu(), pause, step, new Label("Speed"), speed, reset, stopButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox load2 = new HBox(8, new Label("Scenario"), scenario, new Label("Load"), load, loadValue, rpcGrow(), rpc());
        load2.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, bar, load2);
        return new HBox(box) {{
            HBox.setHgrow(box, Priority.ALWAYS);
        }};
    }

    private static Region rpcGrow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Where the running rollup answers JSON-RPC, with a copy button and the wallet's add-network parameters one click away. */
    private HBox rpc() {
        Label url = new Label();
        url.setId("rpc-url");
        url.getStyleClass().add("rpc-url");
        url.textProperty().bind(vm.rpcUrlProperty());
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(vm.rpcDetailProperty());
        url.setTooltip(detail);
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.setId("rpc-copy");
        copy.setTooltip(new Tooltip("Copy the RPC URL (for Foundry's --rpc-url, Hardhat, ethers, a wallet)"));
        copy.setOnAction(e -> toClipboard(vm.rpcUrlProperty().get()));
        Button wallet = new Button("Add to wallet", new FontIcon("fth-plus-circle"));
        wallet.setId("rpc-wallet");
        wallet.setTooltip(new Tooltip("Copy the network's parameters (chain id, name, RPC URL, currency) as wallet_addEthereumChain takes them"));
        wallet.setOnAction(e -> toClipboard(vm.walletSnippet()));
        HBox box = new HBox(6, new Label("RPC"), url, copy, wallet);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.rpcUrlProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void toClipboard(String text) {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    private VBox summary() {
        GridPane heads = new GridPane();
        heads.setHgap(30);
        String[] names = {"Unsafe head", "Safe head", "Finalized head", "Blocks", "Transactions", "Refused", "Batches", "Outputs"};
        Label refused = value("count-refused");
        refused.textProperty().bind(vm.refusedProperty().asString("%,d"));
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.refusedWhyProperty());
        refused.setTooltip(why);
        Label[] values = {unsafe, safe, finalized, blocks, txs, refused, batches, outputs};
        for (int i = 0; i < names.length; i++) {
            Label n = new Label(names[i]);
            n.getStyleClass().add("text-muted");
            heads.add(n, i, 0);
            heads.add(values[i], i, 1);
        }
        Label safeMeans = new Label();
        Label finalMeans = new Label();
        safeMeans.setId("safe-meaning");
        finalMeans.setId("final-meaning");
        safeMeans.textProperty().bind(vm.safeMeaningProperty());
        finalMeans.textProperty().bind(vm.finalMeaningProperty());
        for (Label l : new Label[] {safeMeans, finalMeans}) {
            l.getStyleClass().addAll("text-muted", "text-small");
            l.setWrapText(true);
            l.setMaxWidth(170);
        }
        heads.add(safeMeans, 1, 2);
        heads.add(finalMeans, 2, 2);
        thisRun.setText("counted since this launch (hover Refused for the reasons)");
        thisRun.getStyleClass().addAll("text-muted", "text-small");
        heads.add(thisRun, 3, 2, 5, 1);
        layers.setId("runtime-layers");
        MachStrip mach = new MachStrip();
        vm.machProperty().addListener((o, a, m) -> mach.show(m));
        Label vital = vitalLine();
        vm.vitalProperty().addListener((o, a, v) -> showVital(vital, v));
        Label governed = GovernanceLine.create();
        vm.governanceProperty().addListener((o, a, g) -> GovernanceLine.show(governed, g));
        // the security, governance and fault lines sit close: on a small window the charts keep their room
        return new VBox(8, heads, layers, new VBox(4, mach, vital, governed, faultPanel));
    }

    /** A chooser of the charts to show, and those charts in a grid that fills the screen's height. */
    private VBox chartsPane(ToggleButton freeze) {
        HBox chooser = new HBox(4);
        chooser.setAlignment(Pos.CENTER_LEFT);
        chooser.setId("chart-chooser");
        Label caption = new Label("Charts");
        caption.getStyleClass().add("text-muted");
        chooser.getChildren().add(caption);
        for (LiveChart c : charts.all()) {
            ToggleButton t = new ToggleButton(c.shortName());
            t.setId("show-" + c.getId());
            t.setSelected(DEFAULT_CHARTS.contains(c.getId()));
            t.getStyleClass().add("chart-toggle");
            t.setTooltip(new Tooltip(c.title()));
            t.selectedProperty().addListener((o, a, v) -> layoutCharts());
            toggles.put(c, t);
            chooser.getChildren().add(t);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        chooser.getChildren().addAll(grow, freeze);
        chartGrid.setHgap(8);
        chartGrid.setVgap(8);
        chartGrid.setId("chart-grid");
        VBox.setVgrow(chartGrid, Priority.ALWAYS);
        layoutCharts();
        return new VBox(6, chooser, chartGrid);
    }

    /** The charts shown by default: what a tester reads first (traffic, backlog, finality, cost). */
    static final List<String> DEFAULT_CHARTS = List.of("chart-throughput", "chart-pool", "chart-heads", "chart-da");

    /** The charts presentation mode shows: traffic and finality, large enough for a room. */
    static final List<String> PRESENTATION_CHARTS = List.of("chart-throughput", "chart-heads");
    private List<String> chartsBeforePresentation;

    /**
     * Presentation mode: the pipeline and two charts, without the layer chips and the small print;
     * leaving it brings back the charts that were chosen before.
     */
    public void setPresentation(boolean on) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {layers, thisRun}) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        if (on && chartsBeforePresentation == null) {
            chartsBeforePresentation = shownCharts();
            showCharts(PRESENTATION_CHARTS);
        } else if (!on && chartsBeforePresentation != null) {
            showCharts(chartsBeforePresentation);
            chartsBeforePresentation = null;
        }
    }

    /** Shows exactly these charts (by id), e.g. for presentation mode. */
    public void showCharts(List<String> ids) {
        for (LiveChart c : charts.all()) toggles.get(c).setSelected(ids.contains(c.getId()));
        layoutCharts();
    }

    /** The ids of the charts on screen, in order. */
    public List<String> shownCharts() {
        return chartGrid.getChildren().stream().map(javafx.scene.Node::getId).toList();
    }

    /** One to three charts side by side; four in a 2x2 grid; more in rows of three or four. */
    private void layoutCharts() {
        List<LiveChart> shown = charts.all().stream().filter(c -> toggles.get(c).isSelected()).toList();
        chartGrid.getChildren().clear();
        chartGrid.getColumnConstraints().clear();
        chartGrid.getRowConstraints().clear();
        int n = shown.size();
        if (n == 0) return;
        int cols = n <= 3 ? n : n == 4 ? 2 : n <= 6 ? 3 : 4;
        int rows = (n + cols - 1) / cols;
        for (int i = 0; i < cols; i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            chartGrid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < rows; i++) {
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            chartGrid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) chartGrid.add(shown.get(i), i % cols, i / cols);
    }

    private VBox emptyState() {
        Button go = new Button("Launch the composed stack", new FontIcon("fth-play"));
        go.getStyleClass().add("accent");
        go.setId("runtime-launch");
        go.setOnAction(e -> launch.run());
        VBox box = EmptyState.of("fth-activity", "No rollup running",
                "Launch the stack you composed (Ctrl+R) to run it here on the embedded runtime, with live charts of its blocks, batches and heads.", go);
        box.setId("runtime-empty");
        return box;
    }

    private static Label value(String id) {
        Label l = new Label("0");
        l.setId(id);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static Label vitalLine() {
        Label l = new Label();
        l.setId("vital-line");
        l.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-search"));
        l.setWrapText(true);
        showVital(l, null);
        return l;
    }

    /** VITAL's line on a stack with it: how many outputs its operators checked, and its alerts; hidden otherwise. */
    private static void showVital(Label l, dev.rollupstudio.runtime.security.OutputVerification.VitalStatus v) {
        l.setVisible(v != null);
        l.setManaged(v != null);
        if (v == null) return;
        l.setText("VITAL: " + v.operators() + " operators checked " + v.outputsChecked() + " output(s) against L1 data (alert quorum " + v.quorumPct() + "%)"
                + (v.alerts() == 0 ? "; no alert" : "; " + v.alerts() + " alert(s), last: " + v.lastAlert()));
        l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("alert"), v.alerts() > 0);
    }
}
