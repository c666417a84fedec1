package dev.rollupstudio.ui.ephemeral;

import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Phase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;

/**
 * The ephemeral rollups as a Gantt chart: one row per rollup, a bar per phase coloured by phase
 * (style classes {@code phase-active}...), a moving now-line, a time axis in sim seconds, and a
 * live tx/s sparkline beside each name. Built from nodes, so both themes colour it through CSS;
 * each bar has the id {@code bar-<chain id>-<phase>} for tests.
 */
public final class TimelineView extends VBox {
    static final double NAME_WIDTH = 230;
    static final double ROW_HEIGHT = 30;
    /** Rows are taller on a projector, where their two lines of text are 18 px. */
    static final double PRESENTATION_ROW_HEIGHT = 46;
    private double rowHeight = ROW_HEIGHT;
    private final VBox rows = new VBox(4);
    private final Pane axis = new Pane();
    private final Region nowLine = new Region();
    private final Pane overlay = new Pane();
    private final Map<Long, Row> byChain = new HashMap<>();
    private final Label empty = new Label("Pick a scenario and press Run: each rollup it spawns gets a row here, coloured by phase as it lives, drains, settles and dissolves.");
    private final Consumer<EphemeralStatus> onSelect;
    private final Consumer<EphemeralStatus> onOpen;
    private List<EphemeralStatus> shown = List.of();
    private long start, now;
    private long selected = -1;

    /** {@code onSelect}: a row clicked; {@code onOpen}: a row double-clicked. */
    public TimelineView(Consumer<EphemeralStatus> onSelect, Consumer<EphemeralStatus> onOpen) {
        this.onSelect = onSelect;
        this.onOpen = onOpen;
        getStyleClass().add("eph-timeline");
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));
        axis.setMinHeight(18);
        axis.setPrefHeight(18);
        nowLine.getStyleClass().add("eph-now");
        nowLine.setManaged(false);
        nowLine.setId("eph-now");
        overlay.setMouseTransparent(true);
        overlay.getChildren().add(nowLine);
        javafx.scene.layout.StackPane body = new javafx.scene.layout.StackPane(rows, overlay);
        body.setAlignment(Pos.TOP_LEFT);
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        empty.setPadding(new Insets(24, 0, 0, 0));
        getChildren().addAll(axis, body, empty);
        widthProperty().addListener((o, a, b) -> layoutBars());
    }

    /** Shows these rollups at sim time {@code now}, the scenario having started at {@code start}. */
    public void show(List<EphemeralStatus> rollups, long start, long now) {
        this.shown = rollups;
        this.start = start;
        this.now = now;
        for (EphemeralStatus s : rollups) byChain.computeIfAbsent(s.chainId(), id -> addRow(s)).update(s);
        if (rollups.isEmpty() && !byChain.isEmpty()) {
            byChain.clear();
            rows.getChildren().clear();
        }
        layoutBars();
    }

    /** Taller rows for presentation mode. */
    public void setPresentation(boolean on) {
        rowHeight = on ? PRESENTATION_ROW_HEIGHT : ROW_HEIGHT;
        for (Row r : byChain.values()) r.size();
        layoutBars();
    }

    public void select(long chainId) {
        selected = chainId;
        byChain.forEach((id, r) -> r.box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), id == chainId));
    }

    private Row addRow(EphemeralStatus s) {
        Row r = new Row(s.chainId());
        rows.getChildren().add(r.box);
        return r;
    }

    /** Sim time shown across the bars' width: at least a minute, and what has passed plus a tenth. */
    private double span() {
        return Math.max(60_000, (now - start) * 1.1);
    }

    private void layoutBars() {
        double width = Math.max(50, getWidth() - NAME_WIDTH - 24);
        double span = span();
        for (EphemeralStatus s : shown) {
            Row r = byChain.get(s.chainId());
            if (r != null) r.place(s, width, span);
        }
        double x = NAME_WIDTH + 8 + (now - start) / span * width;
        nowLine.resizeRelocate(x, 0, 2, Math.max(rowHeight, rows.getChildren().size() * (rowHeight + 4)));
        nowLine.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
        empty.setManaged(shown.isEmpty());
        if (shown.isEmpty()) {
            axis.getChildren().forEach(n -> n.setVisible(false));
            return;
        }
        // the tick labels are made once and moved: new labels every tick cost CSS and layout on the FX thread
        double step = niceStep(span / 1000 / 6);
        int i = 0;
        for (double t = 0; t * 1000 <= span && t * 1000 / span * width < width - 40 && i < 20; t += step, i++) {
            if (i == axis.getChildren().size()) {
                Label tick = new Label();
                tick.getStyleClass().add("eph-tick");
                axis.getChildren().add(tick);
            }
            Label tick = (Label) axis.getChildren().get(i);
            String text = seconds(t);
            if (!text.equals(tick.getText())) tick.setText(text);
            tick.relocate(NAME_WIDTH + 8 + t * 1000 / span * width, 0);
            tick.setVisible(true);
        }
        for (int k = i; k < axis.getChildren().size(); k++) axis.getChildren().get(k).setVisible(false);
    }

    static double niceStep(double raw) {
        for (double s : new double[] {10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200}) if (s >= raw) return s;
        return 14_400;
    }

    static String seconds(double t) {
        if (t >= 60 && t % 60 == 0) return (long) (t / 60) + " min";
        return (long) t + " s";
    }

    /** One rollup: its name, phase and sparkline on the left, its phase bars on the right. */
    private final class Row {
        final HBox box = new HBox(8);
        final Label name = new Label();
        final Label phase = new Label();
        final Polyline spark = new Polyline();
        final Pane lane = new Pane();
        final Map<Phase, Region> bars = new java.util.EnumMap<>(Phase.class);
        final Tooltip tip = new Tooltip();

        Row(long chainId) {
            box.getStyleClass().add("eph-row");
            box.setId("eph-row-" + chainId);
            size();
            box.setAlignment(Pos.CENTER_LEFT);
            name.getStyleClass().add("eph-name");
            phase.getStyleClass().add("eph-phase");
            spark.getStyleClass().add("eph-spark");
            Pane sparkBox = new Pane(spark);
            sparkBox.setMinSize(60, 22);
            sparkBox.setPrefSize(60, 22);
            VBox labels = new VBox(0, name, phase);
            HBox left = new HBox(6, labels, new Region(), sparkBox);
            HBox.setHgrow(left.getChildren().get(1), Priority.ALWAYS);
            left.setMinWidth(NAME_WIDTH);
            left.setPrefWidth(NAME_WIDTH);
            left.setMaxWidth(NAME_WIDTH);
            left.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(lane, Priority.ALWAYS);
            box.getChildren().addAll(left, lane);
            Tooltip.install(box, tip);
            box.setOnMouseClicked(e -> {
                for (EphemeralStatus s : shown) if (s.chainId() == chainId) (e.getClickCount() == 2 ? onOpen : onSelect).accept(s);
            });
        }

        void size() {
            box.setMinHeight(rowHeight);
            box.setPrefHeight(rowHeight);
        }

        void update(EphemeralStatus s) {
            setIfChanged(name, s.name() + "  (" + s.chainId() + ")");
            setIfChanged(phase, s.phase().label() + (s.phase() == Phase.ACTIVE && !s.tps().isEmpty() ? ", " + Math.round(s.tps().get(s.tps().size() - 1)[1]) + " tx/s" : ""));
            phase.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), s.phase() == Phase.FAILED);
            String t = tooltip(s);
            if (!t.equals(tip.getText())) tip.setText(t);
            // its whole life so far in 60 points, each the busiest second of its stretch
            List<double[]> tps = s.tps();
            int n = Math.min(tps.size(), 60);
            double[] peaks = new double[n];
            double max = 1;
            for (int i = 0; i < tps.size() && n > 0; i++) {
                int k = (int) ((long) i * n / tps.size());
                peaks[k] = Math.max(peaks[k], tps.get(i)[1]);
                max = Math.max(max, peaks[k]);
            }
            Double[] pts = new Double[n * 2];
            for (int i = 0; i < n; i++) {
                pts[2 * i] = i * 60.0 / Math.max(1, n - 1);
                pts[2 * i + 1] = 21 - peaks[i] / max * 20;
            }
            spark.getPoints().setAll(pts);
        }

        void place(EphemeralStatus s, double width, double span) {
            for (Phase p : Phase.values()) {
                Long from = s.entered().get(p);
                if (from == null || p == Phase.DISSOLVED) continue; // dissolved: the bars simply end
                long to = s.nowMillis();
                for (Phase later : Phase.values()) {
                    Long t = s.entered().get(later);
                    if (later.ordinal() > p.ordinal() && t != null) to = Math.min(to, t);
                }
                if (p.isEnd()) to = from + (long) (span / width * 6); // an end is a mark, not a span
                Region bar = bars.computeIfAbsent(p, k -> {
                    Region b = new Region();
                    b.getStyleClass().addAll("eph-bar", "phase-" + k.label());
                    b.setId("bar-" + s.chainId() + "-" + k.label());
                    b.setManaged(false);
                    lane.getChildren().add(b);
                    return b;
                });
                double x = (from - start) / span * width;
                double w = Math.max(2, (to - from) / span * width);
                bar.resizeRelocate(x, 5, w, rowHeight - 10);
            }
        }
    }

    private static void setIfChanged(Label l, String text) {
        if (!text.equals(l.getText())) l.setText(text);
    }

    private static String tooltip(EphemeralStatus s) {
        StringBuilder b = new StringBuilder(s.name() + " (chain " + s.chainId() + "): " + s.phase().label());
        if (s.failure() != null) b.append("\n").append(s.failure());
        b.append("\ntriggered by ").append(s.trigger());
        for (Phase p : Phase.values()) {
            if (s.entered().containsKey(p) && !p.isEnd()) b.append(String.format("%n%-13s %6.0f s", p.label(), s.millisIn(p) / 1000.0));
        }
        return b.toString();
    }
}
