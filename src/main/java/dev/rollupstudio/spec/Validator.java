package dev.rollupstudio.spec;

import dev.rollupstudio.spec.Problem.Severity;
import java.util.List;
import java.util.Map;

/**
 * Checks a stack: every layer filled, every parameter in range, then each component's own rules
 * (they live with the component), the chain id, and, with a workload, the capacity of each
 * layer. Every message says what to change. Errors make a stack unlaunchable; warnings are
 * risks a user should see.
 */
public final class Validator {
    /** Chain ids of well-known networks: reusing one invites replayed transactions. */
    static final Map<Long, String> TAKEN_CHAIN_IDS = Map.of(1L, "Ethereum mainnet", 10L, "OP Mainnet", 8453L, "Base", 42161L, "Arbitrum One",
            324L, "ZKsync Era", 1101L, "Polygon zkEVM", 11155111L, "Sepolia", 17000L, "Holesky");

    private Validator() {}

    public static List<Problem> validate(StackSpec spec) {
        return validate(spec, null);
    }

    /** With a workload, also warns when a layer cannot carry it. */
    public static List<Problem> validate(StackSpec spec, Workload workload) {
        Problems out = new Problems();
        for (Layer l : Layer.values()) {
            if (spec.choice(l) == null) {
                out.add(new Problem(Severity.ERROR, "$.layers." + l.key, l, "no component on the " + l.title + " layer; choose one from the palette", "layer-missing"));
            }
        }
        if (out.hasErrors()) return out.list();
        paramRanges(spec, out);
        if (out.hasErrors()) return out.list();
        for (Layer l : Layer.values()) spec.component(l).validate(spec, out);
        String taken = TAKEN_CHAIN_IDS.get(spec.chainId());
        if (taken != null) {
            out.add(new Problem(Severity.WARNING, "$.chainId", null, "chain id " + spec.chainId() + " belongs to " + taken
                    + ": transactions signed for one could be replayed on the other; choose an unused id", "chain-id-taken"));
        }
        if (workload != null) capacity(spec, workload, out);
        return out.list();
    }

    private static void paramRanges(StackSpec spec, Problems out) {
        for (Layer l : Layer.values()) {
            Choice c = spec.choice(l);
            Component comp = spec.component(l);
            for (Param<?> p : comp.params()) {
                Object v = c.params().get(p.key());
                if (v == null) continue;
                String problem = p.problem(v);
                if (problem == null) continue;
                if (comp instanceof Execution e && p == e.blockTime() && v instanceof Number n && n.doubleValue() < p.min()) {
                    out.error(l, "params." + p.key(), comp.name() + " supports blocks of " + Param.fmt(p.min()) + " ms or more, not "
                            + Param.fmt(n.doubleValue()) + " ms; raise the block time", "block-time-supported");
                } else {
                    out.error(l, "params." + p.key(), problem + " (" + comp.name() + ")", "param-range");
                }
            }
        }
    }

    private static void capacity(StackSpec spec, Workload w, Problems out) {
        Estimate e = Estimator.estimate(spec, w, Prices.defaults());
        if (w.tps() > e.daTps()) {
            out.warning(Layer.DATA_AVAILABILITY, "component", String.format("at %,.0f tx/s the batches need %,.0f B/s but %s carries about %,.0f tx/s (%s); "
                    + "choose a DA layer with more bandwidth or lower the load", w.tps(), w.tps() * w.compressedBytesPerTx(),
                    spec.dataAvailability().name(), e.daTps(), spec.dataAvailability().bindingName()), "da-capacity");
        }
        if (w.tps() > e.executionTps()) {
            out.warning(Layer.EXECUTION, "params.gasLimit", String.format("at %,.0f tx/s execution needs %,.0f gas/s but the chain gives %,.0f; "
                    + "raise the gas limit or shorten the block time", w.tps(), w.tps() * w.gasPerTx(), e.executionTps() * w.gasPerTx()), "execution-capacity");
        }
    }

    /** Refuses a stack with an empty layer, naming it: estimates and the risk view need every layer. */
    public static void requireComplete(StackSpec spec) {
        for (Layer l : Layer.values()) {
            if (spec.component(l) == null) {
                throw new IllegalArgumentException("$.layers." + l.key + ": no component on the " + l.title + " layer; choose one from the palette");
            }
        }
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public static String duration(long seconds) {
        if (seconds % 86_400 == 0) return (seconds / 86_400) + " d";
        if (seconds % 3_600 == 0) return (seconds / 3_600) + " h";
        if (seconds % 60 == 0) return (seconds / 60) + " min";
        return seconds + " s";
    }
}
