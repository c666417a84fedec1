package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Execution;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import java.util.ArrayList;
import java.util.List;

/** An EVM execution layer: its block time and gas limit set the runtime's; subclasses add their fee rules. */
abstract class EvmExecution extends CatalogEntry implements Execution {
    private final Param<Long> blockTime;
    private final Param<Long> gasLimit;

    EvmExecution(String id, String name, String iconKey, String explanation, Effect effect, Param<Long> blockTime, Param<Long> gasLimit, Param<?>... more) {
        super(id, Layer.EXECUTION, name, iconKey, explanation, effect, concat(blockTime, gasLimit, more));
        this.blockTime = blockTime;
        this.gasLimit = gasLimit;
    }

    static Param<Long> blockTimeMs(long def, long min, String source) {
        return Param.integer("blockTimeMs", "Block time", "ms", def, min, 60_000,
                source == null ? "time between L2 blocks (not in reference.md; a parameter)" : "time between L2 blocks", source);
    }

    static Param<Long> gasLimitParam(long def, String source) {
        return Param.integer("gasLimit", "Gas limit", "gas", def, 1_000_000, 500_000_000,
                source == null ? "gas one block may use (not in reference.md; a parameter)" : "gas one block may use", source);
    }

    @Override public Param<Long> blockTime() { return blockTime; }
    @Override public Param<Long> gasLimit() { return gasLimit; }

    @Override public final void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withBlockTime(spec.blockTimeMillis()).withGasLimit(spec.gasLimit()));
        configureFees(spec, setup);
    }

    /** EIP-1559 and the data fee as this stack prices them. */
    abstract void configureFees(StackSpec spec, RuntimeSetup setup);

    private static Param<?>[] concat(Param<?> a, Param<?> b, Param<?>[] rest) {
        List<Param<?>> all = new ArrayList<>(List.of(a, b));
        all.addAll(List.of(rest));
        return all.toArray(Param<?>[]::new);
    }
}
