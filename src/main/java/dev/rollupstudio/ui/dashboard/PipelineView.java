package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.metrics.TxJourney;
import dev.rollupstudio.runtime.ChainStatus;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.ui.common.Format;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.animation.TranslateTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pipeline, for teaching: users, pool, sequencer, L2 block, batch, DA, L1, finalized. Tokens
 * move between stages when the runtime really does that step (sampled from its events, a few
 * per step at most), counters show the live totals, and a click on a stage explains it and names
 * the component doing it in this stack. "Follow a transaction" tracks one transaction to finality.
 */
public final class PipelineView extends VBox {
    enum Stage {
        USERS("Users", "fth-users"), POOL("Pool", "fth-inbox"), SEQUENCER("Sequencer", "fth-shuffle"), BLOCK("L2 block", "fth-box"),
        BATCH("Batch", "fth-package"), DA("DA", "fth-upload-cloud"), L1("L1", "fth-database"), FINAL("Finalized", "fth-check-circle");

        final String title;
        final String icon;

        Stage(String title, String icon) {
            this.title = title;
            this.icon = icon;
        }
    }

    /** Totals, written on the runtime thread and read on the FX thread. */
    record Counts(long submitted, int pool, long included, long unsafe, long batches, long daItems, long l1Block, long finalized) {}

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final int MAX_TOKENS_PER_STEP = 3;
    private final StackPane[] boxes = new StackPane[Stage.values().length];
    private final Label[] counts = new Label[Stage.values().length];
    private final Pane tokens = new Pane();
    private final Label explanation = new Label();
    private final VBox journey = new VBox(2);
    private final AtomicReference<Counts> latest = new AtomicReference<>(new Counts(0, 0, 0, 0, 0, 0, 0, 0));
    private final ConcurrentLinkedQueue<Integer> moves = new ConcurrentLinkedQueue<>();
    private final AtomicReference<List<TxJourney.Milestone>> milestones = new AtomicReference<>();
    private volatile TxJourney tracker;
    private volatile StackSpec spec;
    private long lastSubmitted;

    public PipelineView() {
        getStyleClass().add("pipeline");
        setId("pipeline");
        HBox row = new HBox(6);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Stage s : Stage.values()) {
            Label title = new Label(s.title, new FontIcon(s.icon));
            title.getStyleClass().add("stage-title");
            Label count = new Label("0");
            count.setId("stage-" + s.name().toLowerCase() + "-count");
            count.getStyleClass().add("stage-count");
            VBox inner = new VBox(2, title, count);
            inner.setAlignment(Pos.CENTER);
            StackPane box = new StackPane(inner);
            box.setId("stage-" + s.name().toLowerCase());
            box.getStyleClass().add("stage");
            box.setOnMouseClicked(e -> explain(s));
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            boxes[s.ordinal()] = box;
            counts[s.ordinal()] = count;
            row.getChildren().add(box);
        }
        tokens.setMouseTransparent(true);
        StackPane diagram = new StackPane(row, tokens);
        explanation.setWrapText(true);
        explanation.setId("stage-explanation");
        explanation.getStyleClass().add("text-muted");
        explanation.setText("Click a stage to see what it does. Tokens move when the runtime really takes that step.");
        Button follow = new Button("Follow a transaction", new FontIcon("fth-crosshair"));
        follow.setId("follow");
        follow.setOnAction(e -> {
            if (tracker != null) tracker.follow();
        });
        follow.setTooltip(new javafx.scene.control.Tooltip("Track one transaction from the pool to finality (at 0.1x the journey is easy to watch)"));
        follow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        journey.setId("journey");
        HBox bottom = new HBox(12, follow, explanation, journey);
        bottom.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(explanation, Priority.ALWAYS);
        journey.setMinWidth(360); // the journey's steps keep a readable width beside the explanation
        journey.setPrefWidth(460);
        getChildren().addAll(diagram, bottom);
        setSpacing(6);
        setPadding(new Insets(8));
        Timeline t = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));
        t.setCycleCount(Timeline.INDEFINITE);
        t.play();
    }

    /** For a launched runtime: the listener to subscribe on its loop thread. */
    public Consumer<RuntimeEvent> attach(RollupRuntime rt, StackSpec stack) {
        this.spec = stack;
        latest.set(new Counts(0, 0, 0, 0, 0, 0, 0, 0));
        lastSubmitted = 0;
        tracker = new TxJourney(rt, milestones::set);
        return e -> {
            tracker.accept(e);
            Counts c = latest.get();
            long finalized = c.finalized();
            long batches = c.batches();
            long da = c.daItems();
            if (e instanceof BlockSealed b && !b.block().transactions().isEmpty()) {
                moves.add(Stage.POOL.ordinal());
                moves.add(Stage.SEQUENCER.ordinal());
            } else if (e instanceof BatchPosted p) {
                batches++;
                da += Math.max(1, p.blobs());
                moves.add(Stage.BLOCK.ordinal());
                moves.add(Stage.BATCH.ordinal());
                moves.add(Stage.DA.ordinal());
            } else if (e instanceof HeadsAdvanced h && h.finalized() > finalized) {
                finalized = h.finalized();
                moves.add(Stage.L1.ordinal());
            }
            ChainStatus st = rt.status();
            latest.set(new Counts(st.submitted(), st.pooled(), st.included(), st.unsafe(), batches, da, st.l1Head(), finalized));
        };
    }

    public void detach() {
        tracker = null;
    }

    private void tick() {
        if (getScene() == null) { // another screen shows: nothing to draw, and no dots to replay on return
            moves.clear();
            return;
        }
        Counts c = latest.get();
        long[] values = {c.submitted(), c.pool(), c.included(), c.unsafe(), c.batches(), c.daItems(), c.l1Block(), c.finalized()};
        for (int i = 0; i < values.length; i++) counts[i].setText(Format.integer(values[i]));
        if (c.submitted() > lastSubmitted) {
            moves.add(Stage.USERS.ordinal());
            lastSubmitted = c.submitted();
        }
        int[] perStep = new int[Stage.values().length];
        for (Integer from; (from = moves.poll()) != null; ) {
            if (perStep[from]++ < MAX_TOKENS_PER_STEP) token(from);
        }
        List<TxJourney.Milestone> m = milestones.getAndSet(null);
        if (m != null) showJourney(m);
    }

    /** A dot travelling from stage {@code from} to the next one. */
    private void token(int from) {
        if (from + 1 >= boxes.length || tokens.getScene() == null) return;
        Bounds a = tokens.sceneToLocal(boxes[from].localToScene(boxes[from].getBoundsInLocal()));
        Bounds b = tokens.sceneToLocal(boxes[from + 1].localToScene(boxes[from + 1].getBoundsInLocal()));
        Circle dot = new Circle(5);
        dot.getStyleClass().add("token");
        dot.setTranslateX(a.getMaxX() - 6);
        dot.setTranslateY(a.getCenterY());
        tokens.getChildren().add(dot);
        TranslateTransition move = new TranslateTransition(Duration.millis(600), dot);
        move.setToX(b.getMinX() + 6);
        move.setOnFinished(e -> tokens.getChildren().remove(dot));
        move.play();
    }

    private void showJourney(List<TxJourney.Milestone> m) {
        journey.getChildren().clear();
        for (Stage s : Stage.values()) boxes[s.ordinal()].pseudoClassStateChanged(ACTIVE, false);
        long start = m.isEmpty() ? 0 : m.get(0).atMillis();
        for (TxJourney.Milestone ms : m) {
            Label l = new Label(String.format("+%s  %s", Format.duration((ms.atMillis() - start) / 1000.0), ms.detail()));
            l.getStyleClass().add("journey-step");
            l.setWrapText(true); // a step names a transaction and an address: it wraps rather than ending in "..."
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            journey.getChildren().add(l);
        }
        if (!m.isEmpty()) boxes[stageOf(m.get(m.size() - 1).stage()).ordinal()].pseudoClassStateChanged(ACTIVE, true);
    }

    private static Stage stageOf(TxJourney.Stage s) {
        return switch (s) {
            case POOL -> Stage.POOL;
            case L2_BLOCK -> Stage.BLOCK;
            case BATCH -> Stage.BATCH;
            case L1, SAFE -> Stage.L1;
            case FINALIZED -> Stage.FINAL;
        };
    }

    private void explain(Stage s) {
        String by = spec == null ? "" : switch (s) {
            case USERS -> "Here: the workload generator, signing EIP-1559 transfers from the dev accounts.";
            case POOL, SEQUENCER -> "Here: " + spec.component(Layer.SEQUENCING).name() + ".";
            case BLOCK, BATCH -> "Here: " + spec.component(Layer.EXECUTION).name() + ".";
            case DA -> "Here: " + spec.component(Layer.DATA_AVAILABILITY).name() + ".";
            case L1 -> "Here: " + spec.component(Layer.SETTLEMENT).name() + ".";
            case FINAL -> "Here: " + spec.component(Layer.PROOFS).name() + (spec.component(Layer.SECURITY) != null ? " with " + spec.component(Layer.SECURITY).name() : "") + ".";
        };
        explanation.setText(s.title + ": " + switch (s) {
            case USERS -> "Wallets sign transactions and send them to the rollup's sequencer.";
            case POOL -> "The pool checks each transaction (signature, chain id, nonce, funds, fees) and orders them by tip; refusals carry a reason.";
            case SEQUENCER -> "Every block time the sequencer takes L1 deposits first, then the best-paying transactions that fit the gas limit, and executes them.";
            case BLOCK -> "The sealed block commits to its transactions, receipts and new state with Merkle Patricia roots. It is the unsafe head: only the sequencer vouches for it.";
            case BATCH -> "The batcher compresses consecutive blocks into a channel and cuts it into frames, closing it when full or too old.";
            case DA -> "The frames are published where anyone can download them, so anyone can rebuild the chain without trusting the sequencer.";
            case L1 -> "Once the data (or its commitment) is in an L1 block, a verifier rebuilds the blocks from L1 alone: they are safe.";
            case FINAL -> "When that L1 block is final the blocks are finalized; outputs let withdrawals settle after the proof system's delay.";
        } + " " + by);
    }
}
