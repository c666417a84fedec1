package dev.rollupstudio.spec;

import java.util.EnumMap;
import java.util.Map;

/**
 * A composed rollup: one component per layer with its parameters, a chain id and a name.
 * Immutable; every edit returns a new spec (which makes undo a list of specs).
 */
public record StackSpec(String name, String description, long chainId, Map<Layer, Choice> layers) {
    public static final String FORMAT = "rollup-studio/stack";
    public static final int VERSION = 1;

    public StackSpec {
        EnumMap<Layer, Choice> m = new EnumMap<>(Layer.class);
        m.putAll(layers);
        layers = java.util.Collections.unmodifiableMap(m);
    }

    public Choice choice(Layer layer) {
        return layers.get(layer);
    }

    /** The catalog entry of the layer's component, or null when the layer is empty. */
    public Component component(Layer layer) {
        Choice c = layers.get(layer);
        return c == null ? null : Catalog.component(layer, c.component());
    }

    public boolean is(Layer layer, String componentId) {
        Choice c = layers.get(layer);
        return c != null && c.component().equals(componentId);
    }

    /** A parameter's value: set in the spec, else the catalog default. */
    public Object value(Layer layer, String key) {
        Choice c = layers.get(layer);
        if (c == null) throw new IllegalStateException("no component on the " + layer.title + " layer");
        Object v = c.params().get(key);
        if (v != null) return v;
        Param p = Catalog.component(layer, c.component()).param(key);
        if (p == null) throw new IllegalArgumentException(c.component() + " has no parameter " + key);
        return p.defaultValue();
    }

    public double number(Layer layer, String key) {
        return ((Number) value(layer, key)).doubleValue();
    }

    public long integer(Layer layer, String key) {
        return ((Number) value(layer, key)).longValue();
    }

    public boolean flag(Layer layer, String key) {
        return (Boolean) value(layer, key);
    }

    public String text(Layer layer, String key) {
        return (String) value(layer, key);
    }

    public StackSpec with(Layer layer, Choice choice) {
        Map<Layer, Choice> m = new EnumMap<>(Layer.class);
        m.putAll(layers);
        if (choice == null) m.remove(layer);
        else m.put(layer, choice);
        return new StackSpec(name, description, chainId, m);
    }

    public StackSpec withParam(Layer layer, String key, Object value) {
        return with(layer, choice(layer).with(key, value));
    }

    public StackSpec withChainId(long id) {
        return new StackSpec(name, description, id, layers);
    }

    public StackSpec withName(String n) {
        return new StackSpec(n, description, chainId, layers);
    }

    /** Block time of the execution layer, in ms (based sequencing overrides it with the L1 slot). */
    public long blockTimeMillis() {
        return is(Layer.SEQUENCING, Catalog.BASED) ? 12_000 : integer(Layer.EXECUTION, "blockTimeMs");
    }

    public long gasLimit() {
        return integer(Layer.EXECUTION, "gasLimit");
    }
}
