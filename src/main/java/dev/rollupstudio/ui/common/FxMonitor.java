package dev.rollupstudio.ui.common;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.HdrHistogram.Histogram;

/**
 * Watches the FX thread: the time between pulses, as frames per second and the 99th percentile
 * over the last few seconds. A pulse that takes long (work on the FX thread) shows as a long
 * interval. Cheap enough to leave on.
 */
public final class FxMonitor {
    private static final long WINDOW_NANOS = 3_000_000_000L;
    private final Histogram intervals = new Histogram(10_000_000_000L, 3);
    private final Histogram total = new Histogram(10_000_000_000L, 3);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private long last;
    private long windowStart;
    private double fps;
    private double p99Millis;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) {
            if (last != 0) {
                long d = Math.min(now - last, intervals.getHighestTrackableValue());
                intervals.recordValue(d);
                total.recordValue(d);
            }
            last = now;
            if (windowStart == 0) windowStart = now;
            if (now - windowStart >= WINDOW_NANOS && intervals.getTotalCount() > 0) {
                fps = intervals.getTotalCount() * 1e9 / (now - windowStart);
                p99Millis = intervals.getValueAtPercentile(99) / 1e6;
                summary.set(String.format("%.0f fps · p99 pulse %.1f ms", fps, p99Millis));
                intervals.reset();
                windowStart = now;
            }
        }
    };

    public void start() {
        last = 0;
        windowStart = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
        summary.set("");
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Since start: pulses seen and the p99 interval in ms (for the benchmark). */
    public long pulses() {
        return total.getTotalCount();
    }

    public double p99MillisSinceStart() {
        return total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(99) / 1e6;
    }

    public double p50MillisSinceStart() {
        return total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(50) / 1e6;
    }

    public double fps() {
        return fps;
    }
}
