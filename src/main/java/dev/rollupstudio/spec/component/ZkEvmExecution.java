package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.StackSpec;

/** A stack that proves its batches: it needs validity proofs, and runs with Ethereum's EIP-1559 parameters. */
abstract class ZkEvmExecution extends EvmExecution {

    ZkEvmExecution(String id, String name, String iconKey, String explanation, String sameAs, Param<Long> blockTime, Param<Long> gasLimit) {
        super(id, name, iconKey, explanation, Effect.runtime("the runtime runs it as the same EVM chain as " + sameAs
                + ", with validity-proof timing; only the block time and gas limit differ (its own VM, prover and fee model are not simulated)"),
                blockTime, gasLimit);
    }

    @Override public boolean provesValidity() {
        return true;
    }

    @Override public void validate(StackSpec spec, Problems out) {
        if (spec.proofs().kind() == ProofSystem.Kind.OPTIMISTIC) {
            out.error(Layer.PROOFS, "component", name() + " proves its batches and has no fault proofs: choose ZK validity proofs", "zk-stack-needs-validity");
        }
    }

    @Override void configureFees(StackSpec s, RuntimeSetup setup) {
        setup.fees(f -> f.withEip1559(8, 2)); // Ethereum's EIP-1559 parameters
    }
}
