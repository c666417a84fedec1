package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.Sequencing;
import dev.rollupstudio.spec.StackSpec;

/** Based sequencing: L1 proposers order the rollup, so a block comes with each L1 slot. */
public final class Based extends CatalogEntry implements Sequencing {
    public static final String ID = "based";
    private static final long SLOT_MILLIS = (long) (L1Costs.SLOT_SECONDS * 1000);

    public Based() {
        super(ID, Layer.SEQUENCING, "Based sequencing", "fth-anchor",
                "L1 block proposers order the rollup's transactions, so L2 blocks come only with L1 slots (every 12 s) and inherit L1's liveness.",
                Effect.RUNTIME);
    }

    @Override public long blockTimeMillis(StackSpec s, long executionBlockTime) {
        return SLOT_MILLIS;
    }

    @Override public void validate(StackSpec spec, Problems out) {
        Param<Long> blockTime = spec.execution().blockTime();
        if (spec.choice(Layer.EXECUTION).params().containsKey(blockTime.key()) && spec.get(Layer.EXECUTION, blockTime) != SLOT_MILLIS) {
            out.warning(Layer.SEQUENCING, "component", "based sequencing makes one block per L1 slot, so blocks come every 12 s, not every "
                    + spec.get(Layer.EXECUTION, blockTime) + " ms", "based-block-time");
        }
    }

    @Override public Column sequencerFailure(StackSpec s) {
        return new Column("Sequencer failure", Level.GOOD, "Self sequence", "L1 proposers sequence: anyone can get included through L1");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.sequencing(q -> q.withSet(SequencerSet.based()));
    }
}
