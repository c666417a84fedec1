package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.StackSpec;
import java.util.List;

/** What every component describes about itself; subclasses add their layer's behaviour. */
public abstract class CatalogEntry implements Component {
    private final String id;
    private final Layer layer;
    private final String name;
    private final String iconKey;
    private final String explanation;
    private final Effect effect;
    private final List<Param<?>> params;

    protected CatalogEntry(String id, Layer layer, String name, String iconKey, String explanation, Effect effect, Param<?>... params) {
        this.id = id;
        this.layer = layer;
        this.name = name;
        this.iconKey = iconKey;
        this.explanation = explanation;
        this.effect = effect;
        this.params = List.of(params);
    }

    /** A parameter of this component as the spec sets it, else its default. */
    protected <T> T get(StackSpec s, Param<T> p) {
        return s.get(layer, p);
    }

    @Override public String id() { return id; }
    @Override public Layer layer() { return layer; }
    @Override public String name() { return name; }
    @Override public String iconKey() { return iconKey; }
    @Override public String explanation() { return explanation; }
    @Override public Effect effect() { return effect; }
    @Override public List<Param<?>> params() { return params; }

    @Override public String toString() {
        return layer.key + "/" + id;
    }
}
