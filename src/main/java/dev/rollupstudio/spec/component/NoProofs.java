package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Proofs;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** No proofs: outputs are taken on trust, and withdrawals wait for nothing but L1. */
public final class NoProofs extends CatalogEntry implements Proofs {
    public static final String ID = "none";

    public NoProofs() {
        super(ID, Layer.PROOFS, "No proofs", "fth-slash", "Nobody checks the state roots: users must trust the operator. Fine for a devnet, not for value.",
                Effect.RUNTIME);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        out.warning(Layer.PROOFS, "component", "nobody can challenge the state roots, so users must trust the operator (not a rollup in L2BEAT's terms); "
                + "add optimistic or ZK proofs for value", "no-proofs");
    }

    @Override public ProofSystem.Kind kind() {
        return ProofSystem.Kind.NONE;
    }

    @Override public long exitDelaySeconds(StackSpec s) {
        return 0;
    }

    @Override public boolean permissionless(StackSpec s) {
        return false;
    }

    @Override public double finalSeconds(StackSpec s, double safeSeconds) {
        return safeSeconds + L1Costs.FINALITY_SECONDS;
    }

    @Override public String finalBy() {
        return "L1 finality (no proofs)";
    }

    @Override public Column stateValidation(StackSpec s) {
        return new Column("State validation", Level.BAD, "None", "no proof system: state roots are taken on trust");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withProof(ProofSystem.none()));
    }
}
