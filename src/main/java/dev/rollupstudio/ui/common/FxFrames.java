package dev.rollupstudio.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Work that waits for a frame: the window shows first, what it does not need comes after. */
public final class FxFrames {
    private FxFrames() {}

    /** Runs {@code action} once on the FX thread, after the scene's next laid-out pulse (so after that frame is drawn). */
    public static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
