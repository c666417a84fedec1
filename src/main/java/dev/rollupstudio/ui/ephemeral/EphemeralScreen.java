package dev.rollupstudio.ui.ephemeral;

import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.ephemeral.PhaseChange;
import dev.rollupstudio.spec.component.Persistent;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.ui.common.Format;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import static dev.rollupstudio.ui.common.Controls.button;
import static dev.rollupstudio.ui.common.Controls.spacer;

/**
 * The Ephemeral screen: pick a scenario and a speed and run it; watch each rollup on the Gantt
 * timeline move through its phases with its tx/s beside it, read the event log, and for each
 * rollup that ended a card with what it served and what it cost against a persistent rollup.
 */
public final class EphemeralScreen extends BorderPane {
    private final EphemeralViewModel vm;
    private final TimelineView timeline;
    private final FlowPane cards = new FlowPane(10, 10);
    private final Set<Long> carded = new HashSet<>();
    private final Timeline pulse;
    private final SplitPane center;

    /** {@code openInExplorer} and {@code openInRuntime}: show a rollup in the Explorer or the Runtime screen, live or dissolved. */
    public EphemeralScreen(EphemeralViewModel vm, java.util.function.Consumer<EphemeralStatus> openInExplorer,
                           java.util.function.Consumer<EphemeralStatus> openInRuntime) {
        this.vm = vm;
        getStyleClass().add("ephemeral");
        setPadding(new Insets(12, 16, 8, 16));

        Label title = new Label("Ephemeral rollups");
        title.getStyleClass().add("title-3");
        ComboBox<String> scenario = new ComboBox<>(vm.scenarios());
        scenario.setId("eph-scenario");
        scenario.valueProperty().bindBidirectional(vm.scenarioProperty());
        ComboBox<Double> speed = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(EphemeralViewModel.SPEEDS));
        speed.setId("eph-speed");
        speed.setValue(vm.speedProperty().get());
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double d) {
                return d == null ? "" : Math.round(d) + "x real time";
            }

            @Override public Double fromString(String s) {
                return Double.valueOf(s.replaceAll("[^0-9.]", ""));
            }
        });
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(v));
        Button run = button("Run", "fth-play", "eph-run", vm::runScenario);
        Button stop = button("Stop", "fth-square", "eph-stop", vm::stop);
        Button spawn = button("Spawn", "fth-plus-circle", "eph-spawn", vm::spawn);
        spawn.setTooltip(new javafx.scene.control.Tooltip("Spawn one more rollup from the scenario's template, by hand"));
        Button dissolve = button("Dissolve", "fth-x-circle", "eph-dissolve", vm::dissolveSelected);
        dissolve.setTooltip(new javafx.scene.control.Tooltip("End the selected rollup now: it drains, settles on L1 and dissolves"));
        Button explore = button("Explore", "fth-search", "eph-explore", () -> {
            if (vm.selectedProperty().get() != null) openInExplorer.accept(vm.selectedProperty().get());
        });
        explore.disableProperty().bind(vm.selectedProperty().isNull());
        explore.setTooltip(new javafx.scene.control.Tooltip("Open the selected rollup in the explorer: live, or its archive once dissolved (or double-click its row)"));
        Button watch = button("Runtime", "fth-activity", "eph-watch", () -> {
            if (vm.selectedProperty().get() != null) openInRuntime.accept(vm.selectedProperty().get());
        });
        watch.disableProperty().bind(vm.selectedProperty().isNull());
        watch.setTooltip(new javafx.scene.control.Tooltip("Watch the selected rollup in the Runtime screen: its phase, heads, counters and charts"));
        Button kill = button("Kill", "fth-zap", "eph-kill", vm::killSelected);
        kill.setTooltip(new javafx.scene.control.Tooltip("A fault: the selected rollup's node dies; it recovers from its database and goes on where it was"));
        kill.disableProperty().bind(vm.runningProperty().not().or(vm.selectedProperty().isNull()));
        run.disableProperty().bind(vm.runningProperty());
        scenario.disableProperty().bind(vm.runningProperty());
        stop.disableProperty().bind(vm.runningProperty().not());
        spawn.disableProperty().bind(vm.runningProperty().not());
        dissolve.disableProperty().bind(vm.runningProperty().not().or(vm.selectedProperty().isNull()));
        HBox toolbar = new HBox(8, title, spacer(), new Label("Scenario"), scenario, speed, run, stop);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label description = new Label();
        description.textProperty().bind(vm.descriptionProperty());
        description.setWrapText(true);
        description.getStyleClass().add("text-muted");
        HBox actions = new HBox(8, legend(), spacer(), spawn, dissolve, kill, watch, explore); // what acts on one rollup, above the rows
        for (javafx.scene.Node n : actions.getChildren()) if (n instanceof javafx.scene.control.Control c) c.setMinWidth(Region.USE_PREF_SIZE);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, toolbar, description, actions);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        timeline = new TimelineView(s -> vm.selectedProperty().set(s), s -> {
            vm.selectedProperty().set(s);
            openInExplorer.accept(s);
        });
        vm.selectedProperty().addListener((o, a, s) -> timeline.select(s == null ? -1 : s.chainId()));
        ScrollPane timelineScroll = new ScrollPane(timeline);
        timelineScroll.setFitToWidth(true);
        timelineScroll.getStyleClass().add("edge-to-edge");

        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setFitToWidth(true);
        cards.setPadding(new Insets(8));
        cards.setId("eph-cards");
        Label cardsTitle = new Label("Finished rollups");
        cardsTitle.getStyleClass().add("eph-section");
        VBox cardBox = new VBox(4, cardsTitle, cardScroll);
        VBox.setVgrow(cardScroll, Priority.ALWAYS);
        // newest first: a log that grows at the top needs no scrolling to show what just happened
        javafx.collections.ObservableList<PhaseChange> newestFirst = javafx.collections.FXCollections.observableArrayList();
        vm.events().addListener((javafx.collections.ListChangeListener<PhaseChange>) ch -> {
            while (ch.next()) {
                if (ch.wasRemoved() && vm.events().isEmpty()) newestFirst.clear();
                for (PhaseChange c : ch.getAddedSubList()) newestFirst.add(0, c);
            }
        });
        ListView<PhaseChange> log = new ListView<>(newestFirst);
        log.setId("eph-log");
        log.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
            }

            @Override protected void updateItem(PhaseChange c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : String.format("%7.1f s  %s", (c.atMillis() - vm.startProperty().get()) / 1000.0, c));
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), !empty && c != null && c.to() == Phase.FAILED);
            }
        });
        Label logTitle = new Label("Event log, newest first");
        logTitle.getStyleClass().add("eph-section");
        VBox logBox = new VBox(4, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        SplitPane bottom = new SplitPane(cardBox, logBox);
        bottom.setDividerPositions(0.55);
        center = new SplitPane(timelineScroll, bottom);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.4);
        setCenter(center);

        Label verdict = new Label();
        verdict.setId("eph-verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        verdict.setPadding(new Insets(6, 0, 0, 0));
        setBottom(verdict);

        pulse = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        pulse.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) pulse.play();
            else pulse.stop();
        });
        vm.runningProperty().addListener((o, a, on) -> {
            if (on) {
                cards.getChildren().clear();
                carded.clear();
            }
        });
    }

    private void tick() {
        vm.refresh();
        List<EphemeralStatus> rollups = vm.rollupsProperty().get();
        timeline.show(rollups, vm.startProperty().get(), vm.nowProperty().get());
        for (EphemeralStatus s : rollups) {
            if (s.phase().isEnd() && carded.add(s.chainId())) cards.getChildren().add(card(s));
        }
    }

    /** What one finished rollup did and cost, against a persistent rollup over the same window. */
    static VBox card(EphemeralStatus s) {
        Label name = new Label(s.name() + "  (" + s.chainId() + ")");
        name.getStyleClass().add("eph-card-title");
        Label phase = new Label(s.phase() == Phase.DISSOLVED ? "dissolved, settled on L1" : "failed: " + s.failure());
        phase.setWrapText(true);
        phase.getStyleClass().add(s.phase() == Phase.DISSOLVED ? "text-success" : "text-danger");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(names, values);
        int row = 0;
        row = line(g, row, "transactions", Format.integer(s.txsServed()));
        row = line(g, row, "peak", Format.tps(s.peakTps()));
        row = line(g, row, "DA bytes", Format.bytes(s.daBytes()));
        for (Phase p : List.of(Phase.PROVISIONING, Phase.ACTIVE, Phase.DRAINING, Phase.SETTLING)) {
            if (s.entered().containsKey(p)) row = line(g, row, p.label(), Format.duration(s.millisIn(p) / 1000.0));
        }
        String eth = Amount.of(s.l1FeesWei(), Amount.Token.ETH).display();
        row = line(g, row, "cost", s.raasFeeAlt().stripTrailingZeros().toPlainString() + " ALT + " + eth);
        row = line(g, row, "if persistent", String.format("%,d", Math.round(Persistent.DEPLOYMENT_FEE.defaultValue())) + " ALT + the same L1 fees, then more after the event");
        if (s.settlement() != null) {
            row = line(g, row, "credited", s.settlement().accountsCredited() + " accounts on L1");
            line(g, row, "value", s.settlement().valueConserved() ? "conserved to the wei" : "NOT CONSERVED");
        }
        VBox card = new VBox(4, name, phase, g);
        card.getStyleClass().add("eph-card");
        card.setId("eph-card-" + s.chainId());
        card.setPrefWidth(300);
        return card;
    }

    private static int line(GridPane g, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add("text-muted");
        Label v = new Label(value);
        v.setWrapText(true);
        g.addRow(row, l, v);
        return row + 1;
    }

    private static HBox legend() {
        HBox box = new HBox(12);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Phase p : Phase.values()) {
            if (p == Phase.DISSOLVED) continue;
            Region swatch = new Region();
            swatch.getStyleClass().addAll("eph-bar", "phase-" + p.label());
            swatch.setMinSize(14, 10);
            swatch.setPrefSize(14, 10);
            Label l = new Label(p.label(), swatch);
            l.getStyleClass().add("eph-legend");
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        Label now = new Label("now", lineSwatch());
        now.getStyleClass().add("eph-legend");
        box.getChildren().add(now);
        return box;
    }

    private static Region lineSwatch() {
        Region r = new Region();
        r.getStyleClass().add("eph-now");
        r.setMinSize(2, 12);
        r.setPrefSize(2, 12);
        return r;
    }

    public void setPresentation(boolean on) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("presentation"), on);
        timeline.setPresentation(on);
        center.setDividerPositions(on ? 0.55 : 0.4); // the taller rows get the room
    }
}
