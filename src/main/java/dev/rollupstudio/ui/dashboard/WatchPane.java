package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.ui.common.Format;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runtime screen while it watches an ephemeral rollup: a bar naming it with the way back, its
 * phase, heads and counters, its layers, and its tx/s and head-lag charts, refreshed four times a
 * second until it is closed.
 */
final class WatchPane extends BorderPane {
    private final WatchedRollup watched;
    private final LiveChart throughput = new LiveChart("watch-throughput", "Transactions per second", "Throughput", "rate", "tx/s")
            .whenEmpty("No transaction served yet.");
    private final LiveChart heads = new LiveChart("watch-heads", "Head lag behind the unsafe head", "Heads", "lag", "blocks");
    private final CircularDoubleErrorDataSet served = throughput.series("served");
    private final CircularDoubleErrorDataSet safeLag = heads.series("safe lag");
    private final CircularDoubleErrorDataSet finalLag = heads.series("finalized lag");
    private final Timeline pulse;
    private double first = Double.NaN;
    private double last = Double.NaN;

    WatchPane(WatchedRollup watched, Runnable close) {
        this.watched = watched;
        setId("runtime-watch");
        setPadding(new Insets(12, 16, 8, 16));
        Label title = new Label(watched.title());
        title.getStyleClass().add("title-3");
        title.setId("watch-title");
        Label note = new Label();
        note.setId("watch-note");
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(watched.noteProperty());
        Button back = new Button("Stop watching", new FontIcon("fth-x"));
        back.setId("watch-close");
        back.setTooltip(new Tooltip("Back to the launched stack (or the Launch button); the Ephemeral screen still lists this rollup"));
        back.setOnAction(e -> close.run());
        HBox grow = new HBox();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, title, grow, back);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("explorer-pinned");

        FlowPane layers = new FlowPane(6, 6);
        layers.setId("watch-layers");
        for (RuntimeViewModel.LayerChip chip : RuntimeViewModel.chips(watched.spec())) {
            Label l = new Label(chip.component(), new FontIcon(chip.iconKey()));
            l.getStyleClass().add("layer-chip");
            l.setTooltip(new Tooltip(chip.text()));
            layers.getChildren().add(l);
        }
        VBox top = new VBox(10, bar, note, tiles(), layers);
        setTop(top);

        HBox charts = new HBox(8, throughput, heads);
        HBox.setHgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(heads, Priority.ALWAYS);
        throughput.setMaxWidth(Double.MAX_VALUE);
        heads.setMaxWidth(Double.MAX_VALUE);
        BorderPane.setMargin(charts, new Insets(10, 0, 0, 0));
        setCenter(charts);

        pulse = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
        pulse.setCycleCount(Timeline.INDEFINITE);
        refresh();
        pulse.play();
    }

    WatchedRollup watched() {
        return watched;
    }

    private GridPane tiles() {
        GridPane g = new GridPane();
        g.setHgap(30);
        String[] names = {"Phase", "Unsafe head", "Safe head", "Finalized head", "Transactions", "Peak tx/s", "Batches", "DA data"};
        Label phase = value("watch-phase");
        phase.textProperty().bind(watched.phaseProperty());
        Label da = value("watch-da");
        da.textProperty().bind(Bindings.createStringBinding(() -> Format.bytes(watched.daBytesProperty().get()), watched.daBytesProperty()));
        Label[] values = {phase, count("watch-unsafe", watched.unsafeProperty()), count("watch-safe", watched.safeProperty()),
                count("watch-finalized", watched.finalizedProperty()), count("watch-txs", watched.txsProperty()),
                count("watch-peak", watched.peakTpsProperty()), count("watch-batches", watched.batchesProperty()), da};
        for (int i = 0; i < names.length; i++) {
            Label n = new Label(names[i]);
            n.getStyleClass().add("text-muted");
            g.add(n, i, 0);
            g.add(values[i], i, 1);
        }
        String[] meanings = RuntimeViewModel.headMeanings(watched.spec());
        for (int i = 0; i < 2; i++) {
            Label m = new Label(meanings[i]);
            m.getStyleClass().addAll("text-muted", "text-small");
            m.setWrapText(true);
            m.setMaxWidth(170);
            g.add(m, 2 + i, 2);
        }
        return g;
    }

    private static Label count(String id, LongProperty p) {
        Label l = value(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> Format.integer(p.get()), p));
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("title-4");
        return l;
    }

    private void refresh() {
        WatchedRollup.Points p = watched.refresh();
        if (p == null) return;
        for (double[] s : p.tps()) {
            served.add(s[0], s[1], 0, 0);
            note(s[0]);
        }
        safeLag.add(p.atSeconds(), p.safeLag(), 0, 0);
        finalLag.add(p.atSeconds(), p.finalizedLag(), 0, 0);
        note(p.atSeconds());
        double from = Math.max(first, last - DashboardCharts.WINDOW_SECONDS);
        double to = Math.max(last, from + 10);
        throughput.frame(from, to);
        heads.frame(from, to);
    }

    private void note(double t) {
        if (Double.isNaN(first)) first = t;
        if (Double.isNaN(last) || t > last) last = t;
    }

    /** Stops refreshing (the pane is closed). */
    void stop() {
        pulse.stop();
    }
}
