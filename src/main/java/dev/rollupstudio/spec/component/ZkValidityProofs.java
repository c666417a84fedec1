package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Proofs;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** Validity proofs: an output is final once L1 verifies its proof, which the prover hands in a proving latency after it. */
public final class ZkValidityProofs extends CatalogEntry implements Proofs {
    public static final String ID = "zk-validity";
    public static final Param<Long> PROVING_LATENCY = Param.integer("provingLatencySeconds", "Proving latency", "s", 3_600, 1, 172_800,
            "time to generate and verify a proof", "ZK stacks: proof generation ~1 h (unconfirmed)");
    public static final Param<Long> VERIFY_GAS = Param.integer("verifyGas", "Verification gas", "gas", 350_000, 10_000, 10_000_000,
            "L1 gas to verify one proof (a parameter)", null)
            .modelled("L1 verifies each proof in a block without charging this gas to a transaction");

    public ZkValidityProofs() {
        super(ID, Layer.PROOFS, "ZK validity proofs", "fth-check-circle",
                "Every batch comes with a proof of correct execution that L1 verifies; state is final once the proof is verified.",
                Effect.runtime("a prover hands L1 a proof object a proving latency after each output; L1's verifier re-checks its root by re-execution instead of checking a SNARK"), PROVING_LATENCY, VERIFY_GAS);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        if (!spec.execution().provesValidity()) {
            out.error(Layer.PROOFS, "component", "validity proofs need a ZK-capable stack: choose ZK Stack or Polygon CDK for execution, or optimistic proofs",
                    "validity-needs-zk-stack");
        }
    }

    @Override public ProofSystem.Kind kind() {
        return ProofSystem.Kind.VALIDITY;
    }

    @Override public long exitDelaySeconds(StackSpec s) {
        return get(s, PROVING_LATENCY);
    }

    @Override public double verifyGas(StackSpec s) {
        return get(s, VERIFY_GAS);
    }

    @Override public boolean permissionless(StackSpec s) {
        return true;
    }

    @Override public double finalSeconds(StackSpec s, double safeSeconds) {
        return safeSeconds + get(s, PROVING_LATENCY) + L1Costs.FINALITY_SECONDS;
    }

    @Override public String finalBy() {
        return "proof verified on L1 + L1 finality";
    }

    @Override public Column stateValidation(StackSpec s) {
        return new Column("State validation", Level.GOOD, "ZK proofs", "every state root comes with a validity proof L1 checks");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withProof(ProofSystem.validity(get(spec, PROVING_LATENCY))));
    }
}
