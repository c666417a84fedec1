package dev.rollupstudio.spec;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import java.util.List;

/**
 * A building block the composer offers for one layer. Each is one class (in
 * {@code spec.component}) implementing its layer's interface: it describes itself for the
 * palette, the property sheet and the classroom, checks the rules that concern it, gives its
 * terms to the estimate and the risk view through that interface, and configures the runtime.
 * {@link Catalog} lists them; nothing else names a component.
 */
public interface Component {
    String id();

    Layer layer();

    String name();

    String iconKey();

    String explanation();

    List<Param<?>> params();

    /** Whether launching this component changes what the runtime does. */
    Effect effect();

    default Param<?> param(String key) {
        for (Param<?> p : params()) if (p.key().equals(key)) return p;
        return null;
    }

    /** Adds the problems this component has in {@code spec} (its own rules; ranges are checked for every component). */
    default void validate(StackSpec spec, Problems out) {}

    /** Sets what this component decides in the runtime. */
    void configure(StackSpec spec, Prices prices, RuntimeSetup setup);
}
