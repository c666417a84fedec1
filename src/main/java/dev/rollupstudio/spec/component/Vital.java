package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Security;
import dev.rollupstudio.spec.StackSpec;

/** VITAL: restaked operators re-check every output root. Not in the runtime yet. */
public final class Vital extends CatalogEntry implements Security {
    public static final String ID = "vital";
    private static final String COMING = "VITAL operators checking outputs and disputing bad ones come with restaked security; "
            + "until then the stack runs with no operators";
    public static final Param<Long> OPERATORS = Param.integer("operators", "Operators", "", 10, 1, 200, "verifiers watching the rollup", null).coming(COMING);
    public static final Param<Long> QUORUM_PCT = Param.integer("quorumPct", "Alert quorum", "%", 66, 1, 100, "stake needed to raise an alert",
            "MACH: 66% in production").coming(COMING);

    public Vital() {
        super(ID, Layer.SECURITY, "VITAL verification", "fth-search",
                "AltLayer's restaked operators re-check every committed state root and raise an alert on a bad one.", Effect.coming(COMING),
                OPERATORS, QUORUM_PCT);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        RestakedQuorum.check(get(spec, QUORUM_PCT), QUORUM_PCT, out);
        if (spec.proofs().kind() == ProofSystem.Kind.NONE) {
            out.warning(Layer.SECURITY, "component", "VITAL operators raise alerts on bad state roots, but with no proof system nobody can act on an alert: "
                    + "add optimistic or ZK proofs", "vital-needs-proofs");
        }
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.sequencing(q -> q.withMach(null));
    }
}
