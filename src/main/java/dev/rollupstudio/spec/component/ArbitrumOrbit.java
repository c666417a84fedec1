package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.types.Wei;

/**
 * Arbitrum Orbit (reference.md "Arbitrum Orbit"): prices gas against a speed limit rather than
 * a per-block target, and never lets the base fee fall under its floor. The runtime models the
 * speed limit as the EIP-1559 target it allows per block; batches are compressed as the OP
 * Stack's are (not with brotli).
 */
public final class ArbitrumOrbit extends EvmExecution {
    public static final String ID = "arbitrum-orbit";
    public static final Param<Long> SPEED_LIMIT = Param.integer("speedLimitGasPerSecond", "Speed limit", "gas/s", 7_000_000, 100_000, 1_000_000_000,
            "sustained gas per second before the price rises", "Arbitrum Orbit: 7M gas/s speed limit");
    public static final Param<Double> MIN_BASE_FEE = Param.decimal("minBaseFeeGwei", "Gas price floor", "gwei", 0.01, 0, 1_000,
            "the lowest L2 base fee", "Arbitrum Orbit: gas price floor 0.01 gwei");

    public ArbitrumOrbit() {
        super(ID, "Arbitrum Orbit", "fth-target",
                "Offchain Labs' Nitro stack for your own chain: very short blocks, a gas speed limit instead of a fixed per-block target, "
                        + "batches compressed with brotli, and interactive fraud proofs (BoLD).",
                Effect.runtime("the speed limit becomes the per-block gas target; batches are compressed as the OP Stack's are, not with brotli"),
                blockTimeMs(250, 100, "Arbitrum Orbit: block time 250 ms (100 ms possible)"), gasLimitParam(32_000_000, "Arbitrum Orbit: block gas limit 32M"),
                SPEED_LIMIT, MIN_BASE_FEE);
    }

    @Override public double gasPerSecond(StackSpec s) {
        return Math.min(super.gasPerSecond(s), get(s, SPEED_LIMIT));
    }

    @Override void configureFees(StackSpec s, RuntimeSetup setup) {
        // The per-block target is what the speed limit allows in one block.
        double perBlock = get(s, SPEED_LIMIT) * s.blockTimeMillis() / 1000.0;
        long elasticity = Math.max(1, Math.round(s.gasLimit() / perBlock));
        setup.fees(f -> f.withEip1559(50, elasticity).withMinBaseFee(Wei.fromGwei(get(s, MIN_BASE_FEE))));
    }
}
