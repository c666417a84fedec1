package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.ui.common.Format;
import dev.rollupstudio.ui.common.RuntimeBridge;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runtime screen as it stands: the running stack, its three heads and counters, and Stop.
 * Live charts and the pipeline view come with the dashboard; this shows the launch worked.
 */
public final class RuntimePanel extends StackPane {
    private final Label title = new Label();
    private final Label unsafe = value("head-unsafe");
    private final Label safe = value("head-safe");
    private final Label finalized = value("head-finalized");
    private final Label blocks = value("count-blocks");
    private final Label txs = value("count-txs");
    private final Label batches = value("count-batches");
    private final Label outputs = value("count-outputs");
    private final VBox running;
    private final VBox empty;

    public RuntimePanel(RuntimeBridge bridge, Runnable stop) {
        getStyleClass().add("runtime-panel");
        title.getStyleClass().add("title-2");
        title.setId("runtime-title");
        GridPane heads = new GridPane();
        heads.setHgap(36);
        heads.setVgap(4);
        String[] names = {"Unsafe head", "Safe head", "Finalized head", "Blocks", "Transactions", "Batches", "Outputs"};
        Label[] values = {unsafe, safe, finalized, blocks, txs, batches, outputs};
        for (int i = 0; i < names.length; i++) {
            Label n = new Label(names[i]);
            n.getStyleClass().add("text-muted");
            heads.add(n, i % 4, (i / 4) * 2);
            heads.add(values[i], i % 4, (i / 4) * 2 + 1);
        }
        Button stopButton = new Button("Stop", new FontIcon("fth-square"));
        stopButton.setId("stop");
        stopButton.setOnAction(e -> stop.run());
        Label note = new Label("Live charts of blocks, batches and heads, and the pipeline from users to finality, arrive with the dashboard.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        running = new VBox(18, new HBox(12, title, stopButton), heads, note);
        running.setPadding(new Insets(22, 28, 22, 28));
        FontIcon icon = new FontIcon("fth-activity");
        icon.getStyleClass().add("empty-icon");
        Label head = new Label("No rollup running");
        head.getStyleClass().add("title-3");
        Label hint = new Label("Compose a stack in the Composer and press Launch (Ctrl+R) to run it here on the embedded runtime.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        empty = new VBox(12, icon, head, hint);
        empty.setAlignment(Pos.CENTER);
        empty.setId("runtime-empty");
        getChildren().addAll(empty, running);
        bridge.snapshotProperty().addListener((o, a, s) -> show(s));
        show(bridge.snapshotProperty().get());
    }

    private static Label value(String id) {
        Label l = new Label("0");
        l.setId(id);
        l.getStyleClass().add("title-3");
        return l;
    }

    private void show(RuntimeBridge.Snapshot s) {
        running.setVisible(s.running());
        empty.setVisible(!s.running());
        if (!s.running()) return;
        title.setText(s.stack());
        unsafe.setText(Format.integer(s.unsafe()));
        safe.setText(Format.integer(s.safe()));
        finalized.setText(Format.integer(s.finalized()));
        blocks.setText(Format.integer(s.blocks()));
        txs.setText(Format.integer(s.txs()));
        batches.setText(Format.integer(s.batches()));
        outputs.setText(Format.integer(s.outputs()));
    }
}
