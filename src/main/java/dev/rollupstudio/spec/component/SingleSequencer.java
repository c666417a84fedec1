package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.Sequencing;
import dev.rollupstudio.spec.StackSpec;

/** One operator orders all transactions. */
public final class SingleSequencer extends CatalogEntry implements Sequencing {
    public static final String ID = "single-sequencer";
    public static final Param<Boolean> FORCED_INCLUSION = Param.bool("forcedInclusion", "Forced inclusion via L1", true,
            "users can push a transaction through L1 if the sequencer ignores them")
            .modelled("the runtime's sequencer never censors, and it always includes L1 deposits");

    public SingleSequencer() {
        super(ID, Layer.SEQUENCING, "Single sequencer", "fth-user",
                "One operator orders all transactions. Fast and simple; if it stops or censors, users fall back to forcing transactions through L1.",
                Effect.RUNTIME, FORCED_INCLUSION);
    }

    @Override public Column sequencerFailure(StackSpec s) {
        String t = "Sequencer failure";
        return get(s, FORCED_INCLUSION) ? new Column(t, Level.GOOD, "Force via L1", "users can force transactions through L1")
                : new Column(t, Level.BAD, "No mechanism", "if the sequencer stops, nobody can get a transaction in");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.sequencing(q -> q.withSet(SequencerSet.single()));
    }
}
