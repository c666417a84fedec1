package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.StackSpec;

/** The OP Stack (reference.md "OP Stack"): EIP-1559 with its own parameters and the Fjord L1 data fee. */
public final class OpStack extends EvmExecution {
    public static final String ID = "op-stack";
    public static final Param<Long> BLOCK_TIME = blockTimeMs(2_000, 1_000, "OP Stack: l2BlockTime 2 s");
    public static final Param<Long> GAS_LIMIT = gasLimitParam(30_000_000, "OP Stack: gas limit 30M");
    public static final Param<Long> EIP1559_DENOMINATOR = Param.integer("eip1559Denominator", "Base fee denominator", "", 50, 1, 1_000,
            "how slowly the base fee moves", "OP Stack: denominator 50");
    public static final Param<Long> EIP1559_ELASTICITY = Param.integer("eip1559Elasticity", "Base fee elasticity", "", 6, 1, 100,
            "block gas limit divided by the gas target", "OP Stack: elasticity 6");
    public static final Param<Long> BASE_FEE_SCALAR = Param.integer("baseFeeScalar", "L1 base fee scalar", "", 1368, 0, 10_000_000,
            "weight of the L1 base fee in the data fee", "OP Stack: baseFeeScalar 1368");
    public static final Param<Long> BLOB_BASE_FEE_SCALAR = Param.integer("blobBaseFeeScalar", "L1 blob fee scalar", "", 810_949, 0, 100_000_000,
            "weight of the blob base fee in the data fee", "OP Stack: blobBaseFeeScalar 810,949");

    public OpStack() {
        super(ID, "OP Stack", "fth-circle",
                "The Optimism codebase: an EVM chain whose sequencer posts batches to L1 and whose state is secured by fault proofs. "
                        + "Blocks every 2 seconds; fees add an L1 data fee for the bytes each transaction costs to publish.",
                Effect.RUNTIME, BLOCK_TIME, GAS_LIMIT,
                EIP1559_DENOMINATOR, EIP1559_ELASTICITY, BASE_FEE_SCALAR, BLOB_BASE_FEE_SCALAR);
    }

    @Override void configureFees(StackSpec s, RuntimeSetup setup) {
        setup.fees(f -> f.withEip1559(get(s, EIP1559_DENOMINATOR), get(s, EIP1559_ELASTICITY))
                .withScalars(get(s, BASE_FEE_SCALAR), get(s, BLOB_BASE_FEE_SCALAR)));
    }
}
