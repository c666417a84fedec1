package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Security;
import dev.rollupstudio.spec.StackSpec;

/** No restaked operators. */
public final class NoRestaking extends CatalogEntry implements Security {
    public static final String ID = "no-restaking";

    public NoRestaking() {
        super(ID, Layer.SECURITY, "None", "fth-minus-circle", "No restaked operators watch this rollup.", Effect.RUNTIME);
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.sequencing(q -> q.withMach(null).withVital(null));
    }
}
