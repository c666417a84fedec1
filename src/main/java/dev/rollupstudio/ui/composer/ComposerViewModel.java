package dev.rollupstudio.ui.composer;

import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Estimate;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Exporter;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problem;
import dev.rollupstudio.spec.Risk;
import dev.rollupstudio.spec.RiskView;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import dev.rollupstudio.spec.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer's state and commands. Every edit makes a new immutable spec and pushes the old
 * one on the undo stack. Validation, estimate and risk are computed on a background executor and
 * applied on the FX executor, newest result only.
 */
public final class ComposerViewModel {
    private final ObjectProperty<StackSpec> spec = new SimpleObjectProperty<>();
    private final ObjectProperty<Layer> selected = new SimpleObjectProperty<>();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Estimate> estimate = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskView> risk = new SimpleObjectProperty<>();
    private final DoubleProperty tps = new SimpleDoubleProperty(100);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final Deque<StackSpec> undo = new ArrayDeque<>();
    private final Deque<StackSpec> redo = new ArrayDeque<>();
    private final Executor background;
    private final Executor fx;
    private final AtomicLong version = new AtomicLong();
    private StackSpec saved;
    /** What a user typed that is not a value at all ("abc" in a number field), by field; shown among the checks until fixed. */
    private final java.util.Map<String, Problem> typed = new java.util.LinkedHashMap<>();
    private List<Problem> validated = List.of();

    public ComposerViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        spec.addListener((o, a, b) -> analyse());
        tps.addListener((o, a, b) -> analyse());
        load(Presets.defaultStack(), null);
    }

    // --- state ---------------------------------------------------------------------------------

    public ObjectProperty<StackSpec> specProperty() { return spec; }
    public ObjectProperty<Layer> selectedProperty() { return selected; }
    public ObservableList<Problem> problems() { return problems; }
    public ObjectProperty<Estimate> estimateProperty() { return estimate; }
    public ObjectProperty<RiskView> riskProperty() { return risk; }
    public DoubleProperty tpsProperty() { return tps; }
    public ObjectProperty<Path> fileProperty() { return file; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public BooleanProperty canUndoProperty() { return canUndo; }
    public BooleanProperty canRedoProperty() { return canRedo; }
    public StringProperty messageProperty() { return message; }

    public StackSpec spec() {
        return spec.get();
    }

    public boolean hasErrors() {
        return !typed.isEmpty() || Validator.hasErrors(Validator.validate(spec()));
    }

    /**
     * What is wrong with the text typed into a parameter's field, or null once it reads as a
     * value: until then the old value stays in force, and the checks say so.
     */
    public void setTyped(Layer lane, String key, String text, String problem) {
        String id = lane.name() + "/" + key;
        if (problem == null) {
            if (typed.remove(id) == null) return;
        } else {
            typed.put(id, new Problem(Problem.Severity.ERROR, "$.layers." + lane.key + ".params." + key, lane,
                    problem + " (typed: '" + text + "'); the stack keeps its previous value until this reads as a number", "typed-value"));
        }
        showProblems();
    }

    /** The property sheet was rebuilt from the spec: whatever was typed and not applied is gone. */
    public void clearTyped() {
        if (typed.isEmpty()) return;
        typed.clear();
        showProblems();
    }

    private void showProblems() {
        List<Problem> all = new java.util.ArrayList<>(typed.values());
        all.addAll(validated);
        problems.setAll(all);
    }

    // --- edits -------------------------------------------------------------------------------------

    /** Drops a component on a lane: refused (with the reason) on the wrong lane; replaces what was there. */
    public String drop(Component c, Layer lane) {
        if (c.layer() != lane) {
            String reason = c.name() + " is a " + c.layer().title.toLowerCase() + " component; it belongs on the " + c.layer().title + " lane, not " + lane.title;
            message.set(reason);
            return reason;
        }
        Choice current = spec().choice(lane);
        if (current != null && current.component().equals(c.id())) {
            select(lane);
            return null;
        }
        String previous = current == null ? null : spec().component(lane).name();
        edit(spec().with(lane, Choice.of(c.id())));
        select(lane);
        message.set(previous == null ? c.name() + " added to the " + lane.title + " lane" : c.name() + " replaced " + previous);
        return null;
    }

    /** The keyboard and context-menu way to place a component: on its own lane. */
    public void place(Component c) {
        drop(c, c.layer());
    }

    public void remove(Layer lane) {
        if (spec().choice(lane) == null) return;
        edit(spec().with(lane, null));
        message.set(lane.title + " component removed");
    }

    /**
     * Sets a parameter of the lane's component. A value equal to the current one, or a key the
     * component does not have (an editor committing after its component was replaced), is not an edit.
     */
    public void setParam(Layer lane, String key, Object value) {
        Component c = spec().component(lane);
        if (c == null || c.param(key) == null || java.util.Objects.equals(spec().get(lane, c.param(key)), value)) return;
        edit(spec().withParam(lane, key, value));
    }

    public void setChainId(long id) {
        if (id != spec().chainId()) edit(spec().withChainId(id));
    }

    public void select(Layer lane) {
        selected.set(lane);
    }

    /** Clicking a problem selects the component at fault. */
    public void select(Problem p) {
        if (p.layer() != null) select(p.layer());
    }

    private void edit(StackSpec next) {
        // a name the studio made follows the components; a name the user chose stays
        if (Presets.isGeneratedName(spec()) && !Presets.describe(next).equals(Presets.describe(spec()))) next = next.withName(Presets.describe(next));
        undo.push(spec());
        redo.clear();
        set(next);
    }

    public void undo() {
        if (undo.isEmpty()) return;
        redo.push(spec());
        set(undo.pop());
    }

    public void redo() {
        if (redo.isEmpty()) return;
        undo.push(spec());
        set(redo.pop());
    }

    private void set(StackSpec next) {
        message.set(""); // what the bar said was about the stack before this change; the change says its own
        spec.set(next);
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(!next.equals(saved));
    }

    // --- projects ----------------------------------------------------------------------------------

    public void newFromPreset(String id) {
        load(Presets.get(id), null);
        message.set("New stack from the preset '" + spec().name() + "'");
    }

    public void open(Path path) {
        load(SpecJson.load(path), path);
        message.set("Opened " + path.getFileName());
    }

    public void save(Path path) throws IOException {
        SpecJson.save(spec(), path);
        saved = spec();
        file.set(path);
        dirty.set(false);
        message.set("Saved " + path.getFileName());
    }

    /** Writes the OP Stack or Orbit configuration; throws with the reason if the stack cannot be exported to it. */
    public void export(String target, Path path) throws IOException {
        Files.writeString(path, Exporter.export(spec(), target));
        message.set("Exported " + path.getFileName());
    }

    private void load(StackSpec s, Path path) {
        undo.clear();
        redo.clear();
        saved = s;
        file.set(path);
        set(s);
        select(Layer.EXECUTION);
    }

    public List<String> presetIds() {
        return Presets.ids();
    }

    // --- analysis ----------------------------------------------------------------------------------

    private void analyse() {
        long v = version.incrementAndGet();
        StackSpec s = spec();
        Workload w = Workload.defaults().withTps(tps.get());
        background.execute(() -> {
            List<Problem> found = Validator.validate(s, w);
            boolean complete = found.stream().noneMatch(p -> p.rule().equals("layer-missing"));
            Estimate e = complete && !Validator.hasErrors(found) ? Estimator.estimate(s, w, Prices.defaults()) : null;
            RiskView r = complete && !Validator.hasErrors(found) ? Risk.assess(s) : null;
            fx.execute(() -> {
                if (version.get() != v) return;
                validated = found;
                showProblems();
                estimate.set(e);
                risk.set(r);
            });
        });
    }
}
