package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.StackSpec;

/** An EVM chain with the user's own block time, gas limit and EIP-1559 parameters. */
public final class CustomEvm extends EvmExecution {
    public static final String ID = "custom-evm";
    public static final Param<Long> EIP1559_DENOMINATOR = Param.integer("eip1559Denominator", "Base fee denominator", "", 8, 1, 1_000,
            "how slowly the base fee moves", "EIP-1559");
    public static final Param<Long> EIP1559_ELASTICITY = Param.integer("eip1559Elasticity", "Base fee elasticity", "", 2, 1, 100,
            "block gas limit divided by the gas target", "EIP-1559");

    public CustomEvm() {
        super(ID, "Custom EVM", "fth-tool", "An EVM chain with your own block time and gas limit, for experiments and teaching.", Effect.RUNTIME,
                Param.integer("blockTimeMs", "Block time", "ms", 1_000, 100, 60_000, "time between L2 blocks", null),
                Param.integer("gasLimit", "Gas limit", "gas", 30_000_000, 1_000_000, 500_000_000, "gas one block may use", null),
                EIP1559_DENOMINATOR, EIP1559_ELASTICITY);
    }

    @Override void configureFees(StackSpec s, RuntimeSetup setup) {
        setup.fees(f -> f.withEip1559(get(s, EIP1559_DENOMINATOR), get(s, EIP1559_ELASTICITY)));
    }
}
