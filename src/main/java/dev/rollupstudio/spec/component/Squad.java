package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.Sequencing;
import dev.rollupstudio.spec.StackSpec;

/** AltLayer's SQUAD: staked operators take turns producing blocks; each is paid the tips of the blocks it builds. */
public final class Squad extends CatalogEntry implements Sequencing {
    public static final String ID = "squad";
    public static final Param<Long> OPERATORS = Param.integer("operators", "Operators", "", 5, 1, 100, "sequencers in the rotating set", null);
    public static final Param<Long> ROTATION_BLOCKS = Param.integer("rotationBlocks", "Blocks per turn", "blocks", 100, 1, 100_000,
            "how many blocks one operator produces before the next takes over", null);
    public static final Param<Long> LEADER_TIMEOUT_MS = Param.integer("leaderTimeoutMs", "Leader timeout", "ms", 5_000, 100, 600_000,
            "how long without a block before the next operator takes the turn over", null);
    public static final Param<Long> FORCED_INCLUSION_HOURS = Param.integer("forcedInclusionHours", "Forced inclusion delay", "h", 24, 1, 168,
            "how long forcing a transaction through L1 can take", "SQUAD: forced inclusion via L1 can take up to 24 h")
            .modelled("a deposit through L1 is included once the chain reaches its L1 block (seconds here); these hours bound a sequencer holding its L1 origin back, which the runtime's never does");

    public Squad() {
        super(ID, Layer.SEQUENCING, "SQUAD sequencer set", "fth-users",
                "AltLayer's decentralised sequencing: a set of staked operators takes turns producing blocks; misbehaving operators can be slashed.",
                Effect.runtime("operators rotate, each block's coinbase names who built it and earns its tips; a leader that seals nothing is "
                        + "skipped after the leader timeout; slashing comes with restaked security"),
                OPERATORS, ROTATION_BLOCKS, LEADER_TIMEOUT_MS, FORCED_INCLUSION_HOURS);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        long n = get(spec, OPERATORS);
        if (n < 3) {
            out.warning(Layer.SEQUENCING, "params.operators", "a sequencer set of " + n
                    + " is hardly decentralised: one failure halts or censors it; use 3 operators or more", "squad-size");
        }
        checkTimeout(spec, get(spec, LEADER_TIMEOUT_MS), out);
    }

    /** The timeout must outlast a block time, or every turn would pass on at each block. */
    private static void checkTimeout(StackSpec spec, long timeoutMs, Problems out) {
        long blockMs = spec.blockTimeMillis();
        if (timeoutMs <= blockMs) {
            out.error(Layer.SEQUENCING, "params." + LEADER_TIMEOUT_MS.key(), "a leader timeout of " + timeoutMs + " ms is not longer than the "
                    + blockMs + " ms block time: every turn would pass on at each block; make it a few block times", "squad-timeout-short");
        }
    }

    @Override public Column sequencerFailure(StackSpec s) {
        return new Column("Sequencer failure", Level.GOOD, "Force via L1", "forced inclusion through L1 within " + get(s, FORCED_INCLUSION_HOURS) + " h");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.sequencing(q -> q.withSet(SequencerSet.squad(get(spec, OPERATORS).intValue(), get(spec, ROTATION_BLOCKS).intValue(), get(spec, LEADER_TIMEOUT_MS))));
    }
}
