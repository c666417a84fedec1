package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.app.RuntimeService;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.ui.common.RuntimeBridge;
import dev.rollupstudio.workload.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Runtime screen's state and commands, testable without a window: the running stack's
 * title and layers, its heads and counters (from the bridge's snapshots), and the controls,
 * which reach the runtime service without ever waiting on a launch.
 */
public final class RuntimeViewModel {
    /** One layer of the running stack as a chip: its text, icon, and a note when the runtime does not run it (yet). */
    public record LayerChip(String layer, String component, String iconKey, String note) {
        public String text() {
            return layer + ": " + component;
        }
    }

    private final RuntimeService runtimes;
    private final Executor control;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObservableList<LayerChip> layers = FXCollections.observableArrayList();
    private final LongProperty unsafe = new SimpleLongProperty();
    private final LongProperty safe = new SimpleLongProperty();
    private final LongProperty finalized = new SimpleLongProperty();
    private final LongProperty blocks = new SimpleLongProperty();
    private final LongProperty txs = new SimpleLongProperty();
    private final LongProperty batches = new SimpleLongProperty();
    private final LongProperty outputs = new SimpleLongProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final StringProperty speed = new SimpleStringProperty("1x");
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.STEADY);
    private final DoubleProperty tps;
    private final StringProperty speedNote = new SimpleStringProperty("");
    private final java.util.ArrayDeque<long[]> clock = new java.util.ArrayDeque<>(); // {wall nanos, sim millis} over the last seconds
    private final LongProperty refused = new SimpleLongProperty();
    private final StringProperty refusedWhy = new SimpleStringProperty("");
    private final StringProperty safeMeaning = new SimpleStringProperty("");
    private final StringProperty finalMeaning = new SimpleStringProperty("");
    private final StringProperty rpcUrl = new SimpleStringProperty("");
    private final StringProperty rpcDetail = new SimpleStringProperty("");
    private final ObjectProperty<dev.rollupstudio.runtime.security.MachStatus> mach = new SimpleObjectProperty<>();
    private final ObjectProperty<dev.rollupstudio.runtime.security.OutputVerification.VitalStatus> vital = new SimpleObjectProperty<>();
    private final ObjectProperty<java.util.List<dev.rollupstudio.runtime.AppliedChanges.Applied>> governance = new SimpleObjectProperty<>(java.util.List.of());
    private final ObservableList<dev.rollupstudio.runtime.fault.Fault> faults = FXCollections.observableArrayList();
    private final StringProperty faultMessage = new SimpleStringProperty("");
    private StackSpec shown;
    private long shownLaunch;

    /** {@code control} runs what may take seconds (a reset reopens a chain) off the FX thread. */
    public RuntimeViewModel(RuntimeService runtimes, Executor control) {
        this.runtimes = runtimes;
        this.control = control;
        this.tps = new SimpleDoubleProperty(runtimes.tps());
        tps.addListener((o, a, v) -> runtimes.setTps(v.doubleValue()));
        paused.addListener((o, a, v) -> runtimes.setPaused(v));
        speed.addListener((o, a, v) -> runtimes.setPace(Pace.parse(v)));
        scenario.addListener((o, a, v) -> runtimes.setScenario(v));
    }

    public BooleanProperty runningProperty() { return running; }
    public StringProperty titleProperty() { return title; }
    public ObservableList<LayerChip> layers() { return layers; }
    public LongProperty unsafeProperty() { return unsafe; }
    public LongProperty safeProperty() { return safe; }
    public LongProperty finalizedProperty() { return finalized; }
    public LongProperty blocksProperty() { return blocks; }
    public LongProperty txsProperty() { return txs; }
    public LongProperty batchesProperty() { return batches; }
    public LongProperty outputsProperty() { return outputs; }
    public BooleanProperty pausedProperty() { return paused; }
    public StringProperty speedProperty() { return speed; }
    public ObjectProperty<Scenario> scenarioProperty() { return scenario; }
    public DoubleProperty tpsProperty() { return tps; }
    /** Empty while the chain keeps the requested speed; otherwise the speed it really reaches, and why. */
    public StringProperty speedNoteProperty() { return speedNote; }
    /** The running rollup's JSON-RPC URL, or "" when it is not served. */
    public StringProperty rpcUrlProperty() { return rpcUrl; }
    /** The faults injected into the running stack, with what detected them and their outcome. */
    public ObservableList<dev.rollupstudio.runtime.fault.Fault> faults() { return faults; }
    /** Why the last fault asked for was refused, or "". */
    public StringProperty faultMessageProperty() { return faultMessage; }

    /** Why the running stack cannot have {@code kind}, or null when it can (or nothing runs). */
    public String faultRefusal(dev.rollupstudio.runtime.fault.FaultKind kind) {
        var rt = runtimes.runtime();
        return rt == null ? "no stack is running" : dev.rollupstudio.runtime.fault.Faults.unsupported(kind, rt.options());
    }

    /** Injects {@code kind} into the running stack; a refusal lands in {@link #faultMessageProperty()}. {@code fx} runs on the FX thread. */
    public void inject(dev.rollupstudio.runtime.fault.FaultKind kind, java.util.concurrent.Executor fx) {
        faultMessage.set("");
        runtimes.inject(kind).whenComplete((f, e) -> {
            if (e != null) fx.execute(() -> faultMessage.set(kind.id() + " refused: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
        });
    }

    /** MACH's operators and fast-final head, or null on a stack without MACH. */
    public ObjectProperty<dev.rollupstudio.runtime.security.MachStatus> machProperty() { return mach; }
    public ObjectProperty<dev.rollupstudio.runtime.security.OutputVerification.VitalStatus> vitalProperty() { return vital; }
    /** What ALT governance changed in the launched rollup, and from which block. */
    public ObjectProperty<java.util.List<dev.rollupstudio.runtime.AppliedChanges.Applied>> governanceProperty() { return governance; }
    /** Every served chain with its chain id, for the tooltip. */
    public StringProperty rpcDetailProperty() { return rpcDetail; }

    /**
     * What a wallet needs to add the running rollup (the parameters of EIP-3085's
     * wallet_addEthereumChain): chain id, name, RPC URL and the currency its fees are paid in.
     */
    public String walletSnippet() {
        var eps = runtimes.endpoints();
        var rt = runtimes.runtime();
        if (eps.isEmpty() || rt == null) return "";
        var rollup = eps.get(0);
        String symbol = rt.options().rollup().fees().feeToken().symbol();
        return "{\n  \"chainId\": \"0x" + Long.toHexString(rollup.chain().chainId()) + "\",\n  \"chainName\": \"" + title.get().replace("\"", "'")
                + " (Rollup Studio)\",\n  \"rpcUrls\": [\"" + rollup.url() + "\"],\n  \"nativeCurrency\": {\"name\": \"" + symbol + "\", \"symbol\": \"" + symbol
                + "\", \"decimals\": 18}\n}";
    }

    /**
     * What to say when simulated time falls behind the requested speed: "running at 0.4x of 1x",
     * with the likely reason. Empty when it keeps up (within 10%), or when the speed is max.
     */
    public static String speedNote(double requested, double achieved) {
        if (Double.isInfinite(requested) || achieved >= 0.9 * requested) return "";
        return String.format(java.util.Locale.ROOT, "running at %.2gx of %sx: this machine cannot sign and execute the load that fast",
                achieved, dev.rollupstudio.ui.common.Format.compact(requested));
    }

    /** Measures simulated against wall time over the last five seconds of snapshots. */
    private void measureSpeed(long simMillis) {
        long now = System.nanoTime();
        clock.addLast(new long[] {now, simMillis});
        while (clock.size() > 2 && now - clock.peekFirst()[0] > 5_000_000_000L) clock.pollFirst();
        long[] first = clock.peekFirst();
        double wallSeconds = (now - first[0]) / 1e9;
        if (paused.get() || wallSeconds < 3) {
            speedNote.set("");
            return;
        }
        speedNote.set(speedNote(runtimes.pace().speed(), (simMillis - first[1]) / 1000.0 / wallSeconds));
    }

    /** Transactions refused at admission or dropped at execution this run, and why, most frequent reason first. */
    public LongProperty refusedProperty() { return refused; }
    public StringProperty refusedWhyProperty() { return refusedWhy; }

    /** What "safe" and "finalized" mean for the running stack, in a few words under each head. */
    public StringProperty safeMeaningProperty() { return safeMeaning; }
    public StringProperty finalMeaningProperty() { return finalMeaning; }

    /** Which finality each head shows on this stack: MACH's quorum can finalize blocks before any batch is on L1. */
    public static String[] headMeanings(StackSpec spec) {
        String safe = "derived by the verifier from L1 data";
        boolean mach = spec.is(Layer.SECURITY, dev.rollupstudio.spec.component.Mach.ID);
        boolean zk = spec.is(Layer.PROOFS, dev.rollupstudio.spec.component.ZkValidityProofs.ID);
        String fin = mach ? "fast-final by MACH quorum (may lead safe)"
                : zk ? "proven on L1 by a validity proof"
                : "derived from finalized L1 blocks";
        return new String[] {safe, fin};
    }

    /** Applies a snapshot from the bridge (FX thread). */
    public void show(RuntimeBridge.Snapshot s) {
        running.set(s.running());
        if (!s.running()) {
            paused.set(false);
            return;
        }
        title.set(s.stack());
        StackSpec spec = runtimes.running(); // null until the launch under way has finished
        if (spec != shown) {
            shown = spec;
            layers.setAll(spec == null ? List.of() : chips(spec));
            String[] m = spec == null ? new String[] {"", ""} : headMeanings(spec);
            safeMeaning.set(m[0]);
            finalMeaning.set(m[1]);
        }
        if (spec != null && runtimes.launches() != shownLaunch) {
            shownLaunch = runtimes.launches();
            // a new launch starts at the load it was launched with: the slider shows that, not the last run's
            if (tps.get() != runtimes.tps()) tps.set(runtimes.tps());
        }
        var eps = runtimes.endpoints();
        rpcUrl.set(eps.isEmpty() ? "" : eps.get(0).url());
        StringBuilder detail = new StringBuilder();
        for (var e : eps) detail.append(e.chain().isRollup() ? "rollup" : "L1").append(", chain id ").append(e.chain().chainId()).append(": ").append(e.url()).append('\n');
        rpcDetail.set(detail.toString().strip());
        unsafe.set(s.unsafe());
        safe.set(s.safe());
        finalized.set(s.finalized());
        blocks.set(s.blocks());
        txs.set(s.txs());
        batches.set(s.batches());
        outputs.set(s.outputs());
        var rt = runtimes.runtime();
        if (rt != null) {
            var st = rt.status();
            showRefusals(st);
            measureSpeed(st.simMillis());
            mach.set(rt.mach());
            vital.set(rt.vital());
            if (!rt.governance().equals(governance.get())) governance.set(rt.governance());
            var now = runtimes.faults();
            if (!now.equals(faults)) faults.setAll(now);
        }
    }

    public void showRefusals(dev.rollupstudio.runtime.ChainStatus st) {
        refused.set(st.rejected() + st.dropped());
        StringBuilder why = new StringBuilder();
        st.rejectedByReason().forEach((reason, n) -> why.append(why.length() == 0 ? "" : "\n").append(reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')) // the chart legend says it the same way (TxRejection.Reason.words)
                .append(": ").append(dev.rollupstudio.ui.common.Format.integer(n)));
        if (st.dropped() > 0) why.append(why.length() == 0 ? "" : "\n").append("dropped at execution: ").append(dev.rollupstudio.ui.common.Format.integer(st.dropped()));
        refusedWhy.set(why.length() == 0 ? "nothing refused this run" : why.toString());
    }

    /** While paused, runs until the next L2 block is sealed. */
    public void step() {
        if (paused.get()) runtimes.step();
    }

    /** Forgets this chain and starts the stack again from genesis. */
    public void reset() {
        paused.set(false);
        control.execute(runtimes::reset);
    }

    static List<LayerChip> chips(StackSpec spec) {
        List<LayerChip> out = new ArrayList<>();
        for (Layer l : Layer.values()) {
            Component c = spec.component(l);
            if (c == null) continue;
            out.add(new LayerChip(l.title, c.name(), c.iconKey(), c.effect().acts() ? "" : c.effect().describe()));
        }
        return out;
    }
}
