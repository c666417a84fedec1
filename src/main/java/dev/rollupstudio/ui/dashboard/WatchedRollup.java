package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.Heads;
import dev.rollupstudio.spec.StackSpec;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An ephemeral rollup the Runtime screen watches in place of the launched stack: its phase, heads
 * and counters, read from its lifecycle status and its chain's view, live or, once dissolved,
 * from its archive. Testable without a window: {@link #refresh()} on the FX thread.
 */
public final class WatchedRollup {
    /** What {@link #refresh()} found new for the charts: tx/s per sim second, and head lags at this moment. */
    public record Points(List<double[]> tps, double atSeconds, long safeLag, long finalizedLag) {}

    private final long chainId;
    private final String name;
    private final StackSpec spec;
    private final Supplier<EphemeralStatus> status;
    private final ChainView view;
    private final long startMillis;
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final LongProperty unsafe = new SimpleLongProperty();
    private final LongProperty safe = new SimpleLongProperty();
    private final LongProperty finalized = new SimpleLongProperty();
    private final LongProperty txs = new SimpleLongProperty();
    private final LongProperty peakTps = new SimpleLongProperty();
    private final LongProperty batches = new SimpleLongProperty();
    private final LongProperty daBytes = new SimpleLongProperty();
    private int tpsShown;

    /**
     * @param status      its latest status (any thread), null once the run that spawned it is gone
     * @param startMillis the sim time the charts count seconds from (the scenario's start)
     */
    public WatchedRollup(long chainId, String name, StackSpec spec, Supplier<EphemeralStatus> status, ChainView view, long startMillis) {
        this.chainId = chainId;
        this.name = name;
        this.spec = spec;
        this.status = status;
        this.view = view;
        this.startMillis = startMillis;
    }

    public String title() {
        return "Ephemeral rollup " + name + " (chain " + chainId + ")";
    }

    public long chainId() { return chainId; }
    public StackSpec spec() { return spec; }
    public StringProperty phaseProperty() { return phase; }
    /** What the numbers come from: the live node, or the archive once dissolved. */
    public StringProperty noteProperty() { return note; }
    public LongProperty unsafeProperty() { return unsafe; }
    public LongProperty safeProperty() { return safe; }
    public LongProperty finalizedProperty() { return finalized; }
    public LongProperty txsProperty() { return txs; }
    public LongProperty peakTpsProperty() { return peakTps; }
    public LongProperty batchesProperty() { return batches; }
    public LongProperty daBytesProperty() { return daBytes; }

    /** FX thread: takes the latest status and heads; returns the chart points new since the last call, or null if nothing moved. */
    public Points refresh() {
        EphemeralStatus s = status.get();
        if (s == null) return null;
        phase.set(s.phase().label());
        note.set(s.phase() == Phase.DISSOLVED ? "dissolved: read from its archive (blocks, receipts, final state), its node and pool freed"
                : s.phase() == Phase.FAILED ? "failed: " + s.failure()
                : "live: read from its node as it runs");
        Heads h = view.heads();
        unsafe.set(h.latest());
        safe.set(h.safe());
        finalized.set(h.finalized());
        txs.set(s.txsServed());
        peakTps.set(Math.round(s.peakTps()));
        batches.set(s.batches());
        daBytes.set(s.daBytes());
        List<double[]> all = s.tps();
        if (all.size() <= tpsShown && s.phase().isEnd()) return null;
        List<double[]> fresh = all.subList(Math.min(tpsShown, all.size()), all.size()).stream()
                .map(p -> new double[] {(p[0] - startMillis) / 1000.0, p[1]}).toList();
        tpsShown = all.size();
        return new Points(fresh, (s.nowMillis() - startMillis) / 1000.0, h.latest() - h.safe(), h.latest() - h.finalized());
    }
}
