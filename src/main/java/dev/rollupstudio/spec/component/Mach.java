package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.MachConfig;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Security;
import dev.rollupstudio.spec.StackSpec;
import java.util.OptionalDouble;

/** MACH fast finality (reference.md "MACH"): a block is final once a quorum of stake has attested to it. */
public final class Mach extends CatalogEntry implements Security {
    public static final String ID = "mach";
    public static final Param<Long> OPERATORS = Param.integer("operators", "Operators", "", 10, 1, 200, "attesting operators", null);
    public static final Param<Long> QUORUM_PCT = Param.integer("quorumPct", "Stake quorum", "%", 66, 1, 100, "share of stake that must attest",
            "MACH: 66% in production");
    public static final Param<Long> CHECK_INTERVAL_MS = Param.integer("checkIntervalMs", "Check interval", "ms", 4_000, 100, 60_000,
            "how often operators check new blocks", "MACH: check interval 4000 ms");

    public Mach() {
        super(ID, Layer.SECURITY, "MACH fast finality", "fth-zap",
                "AltLayer's restaked operators verify each block and attest to it; a block is fast-final once a quorum of stake has attested.",
                Effect.runtime("each operator is online at random (95%) and the finalized head follows the quorum; "
                        + "operators re-executing blocks and signing come with restaked security, and withdrawals still wait the proof system"),
                OPERATORS, QUORUM_PCT, CHECK_INTERVAL_MS);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        RestakedQuorum.check(get(spec, QUORUM_PCT), QUORUM_PCT, out);
    }

    /** reference.md "MACH": a block is fast-final when a quorum of stake attests, at the next check. */
    @Override public OptionalDouble fastFinalitySeconds(StackSpec s, double softSeconds) {
        return OptionalDouble.of(softSeconds + get(s, CHECK_INTERVAL_MS) / 1000.0);
    }

    @Override public String fastFinalityBy() {
        return "MACH quorum";
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        MachConfig mach = new MachConfig(get(spec, OPERATORS).intValue(), get(spec, QUORUM_PCT).intValue(), get(spec, CHECK_INTERVAL_MS));
        setup.sequencing(q -> q.withMach(mach));
    }
}
