package dev.rollupstudio.spec;

import dev.rollupstudio.spec.component.AltGas;
import dev.rollupstudio.spec.component.ArbitrumOrbit;
import dev.rollupstudio.spec.component.Avail;
import dev.rollupstudio.spec.component.Based;
import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.spec.component.CustomEvm;
import dev.rollupstudio.spec.component.EigenDa;
import dev.rollupstudio.spec.component.EmbeddedL1Settlement;
import dev.rollupstudio.spec.component.Ephemeral;
import dev.rollupstudio.spec.component.Erc20Gas;
import dev.rollupstudio.spec.component.EthGas;
import dev.rollupstudio.spec.component.EthereumBlobs;
import dev.rollupstudio.spec.component.EthereumCalldata;
import dev.rollupstudio.spec.component.LocalDa;
import dev.rollupstudio.spec.component.Mach;
import dev.rollupstudio.spec.component.NoProofs;
import dev.rollupstudio.spec.component.NoRestaking;
import dev.rollupstudio.spec.component.OpStack;
import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.spec.component.Persistent;
import dev.rollupstudio.spec.component.PolygonCdk;
import dev.rollupstudio.spec.component.SingleSequencer;
import dev.rollupstudio.spec.component.Squad;
import dev.rollupstudio.spec.component.Vital;
import dev.rollupstudio.spec.component.ZkStack;
import dev.rollupstudio.spec.component.ZkValidityProofs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of components the composer offers, in palette order. Adding a component is one
 * class in {@code spec.component} and one line here; a test or a plugin can extend a catalog
 * with {@link #with(Component...)} without touching anything else.
 */
public final class Catalog {
    private static final Catalog STANDARD = new Catalog(List.of(
            new OpStack(), new ArbitrumOrbit(), new ZkStack(), new PolygonCdk(), new CustomEvm(),
            new SingleSequencer(), new Squad(), new Based(),
            new EmbeddedL1Settlement(),
            new EthereumBlobs(), new EthereumCalldata(), new Celestia(), new EigenDa(), new Avail(), new LocalDa(),
            new OptimisticProofs(), new ZkValidityProofs(), new NoProofs(),
            new NoRestaking(), new Vital(), new Mach(),
            new Persistent(), new Ephemeral(),
            new EthGas(), new AltGas(), new Erc20Gas()));

    private final Map<String, Component> byKey = new LinkedHashMap<>();

    private Catalog(List<Component> components) {
        for (Component c : components) {
            if (byKey.put(key(c.layer(), c.id()), c) != null) throw new IllegalArgumentException("two components are called " + c.layer().key + "/" + c.id());
        }
    }

    /** The components this build ships with. */
    public static Catalog standard() {
        return STANDARD;
    }

    /** This catalog and {@code more}. */
    public Catalog with(Component... more) {
        List<Component> all = new ArrayList<>(byKey.values());
        all.addAll(List.of(more));
        return new Catalog(all);
    }

    private static String key(Layer layer, String id) {
        return layer.key + "/" + id;
    }

    /** The component, or null when this catalog has none of that id on that layer. */
    public Component component(Layer layer, String id) {
        return byKey.get(key(layer, id));
    }

    public List<Component> forLayer(Layer layer) {
        return byKey.values().stream().filter(c -> c.layer() == layer).toList();
    }

    public List<Component> all() {
        return List.copyOf(byKey.values());
    }

    @Override public String toString() {
        return "Catalog[" + byKey.size() + " components]";
    }
}
