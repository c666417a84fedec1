package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Lifecycle;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import java.util.OptionalLong;

/** A rollup that runs until it is stopped. */
public final class Persistent extends CatalogEntry implements Lifecycle {
    public static final String ID = "persistent";

    public Persistent() {
        super(ID, Layer.LIFECYCLE, "Persistent", "fth-repeat", "Runs until its operators decide otherwise.", Effect.RUNTIME);
    }

    @Override public OptionalLong lifetimeSeconds(StackSpec s) {
        return OptionalLong.empty();
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        // runs until stopped: what every runtime does
    }
}
