package dev.rollupstudio.ui.ephemeral;

import dev.rollupstudio.app.EphemeralScenario;
import dev.rollupstudio.app.ScenarioReport;
import dev.rollupstudio.app.ScenarioRun;
import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.ephemeral.PhaseChange;
import dev.rollupstudio.sim.Pace;
import java.util.List;
import java.util.Map;
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
 * The Ephemeral screen's state: which scenario, how fast, whether it runs; the rollups as the
 * loop last published them, the event log, the selected rollup and the verdict once it is over.
 * A scenario runs on a devnet of its own, on a thread of its own; {@link #refresh} (the view calls
 * it a few times a second) copies what changed, never waiting on the loop.
 */
public final class EphemeralViewModel {
    public static final List<Double> SPEEDS = List.of(1.0, 10.0, 30.0, 100.0);

    private final Executor background;
    private final Executor fx;
    private final ObservableList<String> scenarios = FXCollections.observableArrayList(EphemeralScenario.BUILT_IN);
    private final StringProperty scenario = new SimpleStringProperty("nft-mint");
    private final DoubleProperty speed = new SimpleDoubleProperty(30);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<List<EphemeralStatus>> rollups = new SimpleObjectProperty<>(List.of());
    private final ObservableList<PhaseChange> events = FXCollections.observableArrayList();
    private final ObjectProperty<EphemeralStatus> selected = new SimpleObjectProperty<>();
    private final LongProperty start = new SimpleLongProperty();
    private final LongProperty now = new SimpleLongProperty();
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private volatile ScenarioRun run;
    private volatile Thread loop;
    private int manual;

    public EphemeralViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        scenario.addListener((o, a, id) -> describe(id));
        describe(scenario.get());
        speed.addListener((o, a, s) -> {
            ScenarioRun r = run;
            if (r != null) r.setPace(Pace.realtime(s.doubleValue()));
        });
    }

    private void describe(String id) {
        try {
            EphemeralScenario s = EphemeralScenario.load(id);
            description.set(s.description());
        } catch (RuntimeException e) {
            description.set(e.getMessage());
        }
    }

    /** Runs the chosen scenario (a built-in id or a file) on a fresh devnet; the last one's picture is cleared. */
    public void runScenario() {
        String id = scenario.get();
        run(() -> EphemeralScenario.load(id), id);
    }

    /** Runs a stack composed with the Ephemeral lifecycle as one ephemeral rollup (what the composer's Launch does with it). */
    public void launch(dev.rollupstudio.spec.StackSpec spec, double tps) {
        EphemeralScenario sc;
        try {
            sc = EphemeralScenario.of(spec, tps);
        } catch (RuntimeException e) {
            verdict.set(e.getMessage());
            return;
        }
        description.set(sc.description());
        run(() -> sc, spec.name());
    }

    private void run(java.util.function.Supplier<EphemeralScenario> scenarioOf, String id) {
        if (running.get()) return;
        double pace = speed.get();
        ScenarioRun previous = run; // kept until now for its archives; its devnet and databases go
        if (previous != null) background.execute(previous::close);
        running.set(true);
        verdict.set("starting " + id + "…");
        events.clear();
        rollups.set(List.of());
        selected.set(null);
        run = null;
        background.execute(() -> {
            ScenarioRun r;
            try {
                r = new ScenarioRun(scenarioOf.get(), Pace.realtime(pace), storeDir());
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    running.set(false);
                    verdict.set(e.getMessage());
                });
                return;
            }
            fx.execute(() -> { // the start first: refresh reads the run only once its start is known
                start.set(r.startMillis());
                now.set(r.startMillis());
                run = r;
                verdict.set("running " + r.scenario().name());
            });
            long wall = System.nanoTime();
            Thread loop = new Thread(() -> {
                try {
                    r.run();
                    Map<String, Object> report = ScenarioReport.of(r, (System.nanoTime() - wall) / 1e9);
                    String v = verdict(report);
                    fx.execute(() -> {
                        refresh();
                        running.set(false);
                        verdict.set(v);
                    });
                } catch (RuntimeException e) {
                    fx.execute(() -> {
                        running.set(false);
                        verdict.set("the scenario stopped: " + e.getMessage());
                    });
                }
            }, "ephemeral-scenario");
            loop.setDaemon(true);
            this.loop = loop;
            loop.start();
        });
    }

    @SuppressWarnings("unchecked")
    private static String verdict(Map<String, Object> report) {
        List<Map<String, Object>> rs = (List<Map<String, Object>>) report.get("rollups");
        long dissolved = rs.stream().filter(m -> "dissolved".equals(m.get("phase"))).count();
        long failed = rs.stream().filter(m -> "failed".equals(m.get("phase"))).count();
        long txs = rs.stream().mapToLong(m -> ((Number) m.get("txsServed")).longValue()).sum();
        return String.format("%d dissolved, %d failed, %,d transactions served; value %s", dissolved, failed, txs,
                Boolean.TRUE.equals(report.get("valueConserved")) ? "conserved to the wei (L1 plus every rollup, ETH and ALT)" : "NOT CONSERVED");
    }

    /** Stops the running scenario where it is. */
    public void stop() {
        ScenarioRun r = run;
        if (r != null) r.stop();
    }

    /** Stops the scenario and closes its devnet and databases (the studio closing); any thread. */
    public void close() {
        ScenarioRun r = run;
        run = null;
        if (r != null) {
            r.stop();
            Thread t = loop;
            try {
                if (t != null) t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.close();
        }
    }

    /** Spawns one more rollup from the scenario's template, by hand. */
    public void spawn() {
        ScenarioRun r = run;
        if (r == null || !running.get()) return;
        r.spawnByHand("manual-" + ++manual);
    }

    /** A fresh folder for this run's rollup databases (so Kill can be recovered from), under the system's temp folder. */
    private static java.nio.file.Path storeDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rollup-studio-ephemeral");
            return dir;
        } catch (java.io.IOException e) {
            return null; // in memory then: Kill is refused with the reason
        }
    }

    /** A fault: the selected rollup's node is killed; it recovers from its database and goes on where it was. */
    public void killSelected() {
        ScenarioRun r = run;
        EphemeralStatus s = selected.get();
        if (r == null || s == null || s.phase().isEnd() || s.phase().ordinal() < Phase.ACTIVE.ordinal()) return;
        r.ephemerals().requestKill(s.chainId()).whenComplete((x, e) -> {
            if (e != null) fx.execute(() -> verdict.set("kill refused: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
        });
    }

    /** Ends the selected rollup early: it drains, settles and dissolves. */
    public void dissolveSelected() {
        ScenarioRun r = run;
        EphemeralStatus s = selected.get();
        if (r == null || s == null || s.phase() != Phase.ACTIVE) return;
        r.ephemerals().requestDissolve(s.chainId(), "dissolved from the studio");
    }

    /** The explorer over {@code s}'s chain (its archive once dissolved), or empty before it went live. */
    public java.util.Optional<dev.rollupstudio.explorer.ExplorerQueries> explorerFor(EphemeralStatus s) {
        ScenarioRun r = run;
        var view = r == null ? null : r.ephemerals().view(s.chainId());
        return view == null ? java.util.Optional.empty() : java.util.Optional.of(new dev.rollupstudio.explorer.ChainExplorer(view));
    }

    /** {@code s} for the Runtime screen to watch (live, or its archive once dissolved), or empty before it went live. */
    public java.util.Optional<dev.rollupstudio.ui.dashboard.WatchedRollup> watch(EphemeralStatus s) {
        ScenarioRun r = run;
        var view = r == null ? null : r.ephemerals().view(s.chainId());
        if (view == null) return java.util.Optional.empty();
        java.util.function.Supplier<EphemeralStatus> latest = () -> r.ephemerals().statuses().stream()
                .filter(x -> x.chainId() == s.chainId()).findFirst().orElse(null);
        return java.util.Optional.of(new dev.rollupstudio.ui.dashboard.WatchedRollup(s.chainId(), s.name(), r.scenario().template(), latest, view,
                start.get()));
    }

    /** The symbol of the scenario's rollups' coin (ETH, or ALT when the template pays its gas in ALT). */
    public String coin() {
        ScenarioRun r = run;
        if (r == null) return "ETH";
        var spec = r.scenario().template();
        return spec.gasToken() == null ? "ETH" : spec.gasToken().symbol(spec);
    }

    /** FX thread: copies what the loop published since the last call. */
    public void refresh() {
        ScenarioRun r = run;
        if (r == null) return;
        List<EphemeralStatus> now = r.ephemerals().statuses();
        rollups.set(now);
        List<PhaseChange> all = r.ephemerals().events();
        if (all.size() > events.size()) events.addAll(all.subList(events.size(), all.size()));
        long t = now.stream().mapToLong(EphemeralStatus::nowMillis).max().orElse(start.get());
        this.now.set(Math.max(this.now.get(), t));
        EphemeralStatus sel = selected.get();
        if (sel != null) now.stream().filter(s -> s.chainId() == sel.chainId()).findFirst().ifPresent(selected::set);
    }

    public ObservableList<String> scenarios() { return scenarios; }
    public StringProperty scenarioProperty() { return scenario; }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty runningProperty() { return running; }
    public ObjectProperty<List<EphemeralStatus>> rollupsProperty() { return rollups; }
    public ObservableList<PhaseChange> events() { return events; }
    public ObjectProperty<EphemeralStatus> selectedProperty() { return selected; }
    public LongProperty startProperty() { return start; }
    public LongProperty nowProperty() { return now; }
    public StringProperty verdictProperty() { return verdict; }
    public StringProperty descriptionProperty() { return description; }
}
