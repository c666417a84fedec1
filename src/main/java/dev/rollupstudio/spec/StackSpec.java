package dev.rollupstudio.spec;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A composed rollup: one component per layer with its parameters, a chain id and a name, read
 * against the catalog its components come from. Immutable; every edit returns a new spec
 * (which makes undo a list of specs).
 */
public record StackSpec(String name, String description, long chainId, Map<Layer, Choice> layers, Catalog catalog) {
    public static final String FORMAT = "rollup-studio/stack";
    public static final int VERSION = 1;

    public StackSpec {
        EnumMap<Layer, Choice> m = new EnumMap<>(Layer.class);
        m.putAll(layers);
        layers = Collections.unmodifiableMap(m);
    }

    /** A spec over the standard catalog. */
    public StackSpec(String name, String description, long chainId, Map<Layer, Choice> layers) {
        this(name, description, chainId, layers, Catalog.standard());
    }

    public Choice choice(Layer layer) {
        return layers.get(layer);
    }

    /** The catalog entry of the layer's component, or null when the layer is empty. */
    public Component component(Layer layer) {
        Choice c = layers.get(layer);
        return c == null ? null : catalog.component(layer, c.component());
    }

    public boolean is(Layer layer, String componentId) {
        Choice c = layers.get(layer);
        return c != null && c.component().equals(componentId);
    }

    /** A parameter's value: set in the spec, else its default. Refuses a parameter the layer's component does not have. */
    public <T> T get(Layer layer, Param<T> p) {
        Component c = component(layer);
        if (c == null) throw new IllegalStateException("no component on the " + layer.title + " layer");
        if (c.param(p.key()) != p) throw new IllegalArgumentException(c.name() + " has no parameter " + p.key());
        Object v = layers.get(layer).params().get(p.key());
        return v == null ? p.defaultValue() : p.read(v);
    }

    // The layers through their interfaces (a validated spec has every layer).
    public Execution execution() { return (Execution) component(Layer.EXECUTION); }
    public Sequencing sequencing() { return (Sequencing) component(Layer.SEQUENCING); }
    public Settlement settlement() { return (Settlement) component(Layer.SETTLEMENT); }
    public DataAvailability dataAvailability() { return (DataAvailability) component(Layer.DATA_AVAILABILITY); }
    public Proofs proofs() { return (Proofs) component(Layer.PROOFS); }
    public Security security() { return (Security) component(Layer.SECURITY); }
    public Lifecycle lifecycle() { return (Lifecycle) component(Layer.LIFECYCLE); }
    public GasToken gasToken() { return (GasToken) component(Layer.GAS_TOKEN); }

    /** Its components as "layer/id", in layer order (what the RaaS catalog on L1 admits). */
    public java.util.List<String> componentKeys() {
        return java.util.Arrays.stream(Layer.values()).filter(layers::containsKey).map(l -> l.key + "/" + component(l).id()).toList();
    }

    public StackSpec with(Layer layer, Choice choice) {
        Map<Layer, Choice> m = new EnumMap<>(Layer.class);
        m.putAll(layers);
        if (choice == null) m.remove(layer);
        else m.put(layer, choice);
        return new StackSpec(name, description, chainId, m, catalog);
    }

    public StackSpec withParam(Layer layer, String key, Object value) {
        return with(layer, choice(layer).with(key, value));
    }

    public StackSpec withChainId(long id) {
        return new StackSpec(name, description, id, layers, catalog);
    }

    public StackSpec withName(String n) {
        return new StackSpec(n, description, chainId, layers, catalog);
    }

    /** Block time of the execution layer, in ms, as the sequencing gives it (based: the L1 slot). */
    public long blockTimeMillis() {
        return sequencing().blockTimeMillis(this, get(Layer.EXECUTION, execution().blockTime()));
    }

    public long gasLimit() {
        return get(Layer.EXECUTION, execution().gasLimit());
    }
}
