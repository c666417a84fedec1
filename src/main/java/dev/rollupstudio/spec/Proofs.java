package dev.rollupstudio.spec;

import dev.rollupstudio.runtime.config.ProofSystem;

/** The proof layer: why L1 may believe an output root, and how long that takes. */
public interface Proofs extends Component {
    ProofSystem.Kind kind();

    /** Seconds a withdrawal waits after its output: the challenge window or the proving time. */
    long exitDelaySeconds(StackSpec s);

    /** L1 gas to verify one output's proof, beyond proposing it. */
    default double verifyGas(StackSpec s) {
        return 0;
    }

    /** Anyone may propose outputs and dispute (or prove) them. */
    boolean permissionless(StackSpec s);

    /** Seconds to a final block once its batch is safe on L1 (without fast finality). */
    double finalSeconds(StackSpec s, double safeSeconds);

    /** What makes a block final, in words. */
    String finalBy();

    /** L2BEAT's "State validation" column. */
    RiskView.Column stateValidation(StackSpec s);
}
