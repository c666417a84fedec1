package dev.rollupstudio.ui.common;

import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.event.OutputProposed;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * Carries runtime events to the FX thread: the runtime thread folds them into a snapshot, and
 * the FX thread picks the latest snapshot up ten times a second, never more. Nothing blocks.
 */
public final class RuntimeBridge {
    /** What the screens show of a running rollup. */
    public record Snapshot(String stack, long unsafe, long safe, long finalized, long blocks, long txs, long batches, long outputs) {
        static final Snapshot NONE = new Snapshot(null, 0, 0, 0, 0, 0, 0, 0);

        public boolean running() {
            return stack != null;
        }
    }

    private final AtomicReference<Snapshot> latest = new AtomicReference<>(Snapshot.NONE);
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(Snapshot.NONE);

    public RuntimeBridge() {
        Timeline t = new Timeline(new KeyFrame(Duration.millis(100), e -> {
            Snapshot s = latest.get();
            if (s != snapshot.get()) snapshot.set(s);
        }));
        t.setCycleCount(Timeline.INDEFINITE);
        t.play();
    }

    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** Starts a fresh snapshot for a launched stack (any thread). */
    public void started(String stack) {
        latest.set(new Snapshot(stack, 0, 0, 0, 0, 0, 0, 0));
    }

    public void stopped() {
        latest.set(Snapshot.NONE);
    }

    /** Called on the runtime's loop thread. */
    public void onEvent(RuntimeEvent e) {
        latest.updateAndGet(s -> {
            if (!s.running()) return s;
            if (e instanceof BlockSealed b) {
                return new Snapshot(s.stack(), b.block().number(), s.safe(), s.finalized(), s.blocks() + 1, s.txs() + b.block().transactions().size(), s.batches(), s.outputs());
            }
            if (e instanceof HeadsAdvanced h) return new Snapshot(s.stack(), h.unsafe(), h.safe(), h.finalized(), s.blocks(), s.txs(), s.batches(), s.outputs());
            if (e instanceof BatchPosted) return new Snapshot(s.stack(), s.unsafe(), s.safe(), s.finalized(), s.blocks(), s.txs(), s.batches() + 1, s.outputs());
            if (e instanceof OutputProposed) return new Snapshot(s.stack(), s.unsafe(), s.safe(), s.finalized(), s.blocks(), s.txs(), s.batches(), s.outputs() + 1);
            return s;
        });
    }
}
