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
    public static final Param<Long> OFFLINE = Param.integer("offlineOperators", "Offline operators", "", 0, 0, 200, "operators that sign nothing", null);
    public static final Param<Long> SLOW = Param.integer("slowOperators", "Slow operators", "", 1, 0, 200, "operators whose attestations arrive late", null);
    public static final Param<Long> SLOW_MS = Param.integer("slowDelayMs", "Slow operators' delay", "ms", 10_000, 0, 600_000,
            "how late a slow operator's attestation arrives", null);
    public static final Param<Long> MALICIOUS = Param.integer("maliciousOperators", "Malicious operators", "", 0, 0, 200,
            "operators that sign whatever was sealed, unchecked", null);

    public Mach() {
        super(ID, Layer.SECURITY, "MACH fast finality", "fth-zap",
                "AltLayer's restaked operators verify each block and attest to it; a block is fast-final once a quorum of stake has attested.",
                Effect.runtime("operators re-execute each block on their own state and sign its hash and state root with their own keys; "
                        + "the finalized head follows the blocks whose checked signatures carry the quorum of bonded ALT and restaked ETH "
                        + "(100,000 ALT and 32 ETH each); a block that re-executes differently raises an alert and honest operators do not sign it. "
                        + "Withdrawals still wait the proof system"),
                OPERATORS, QUORUM_PCT, CHECK_INTERVAL_MS, OFFLINE, SLOW, SLOW_MS, MALICIOUS);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        RestakedQuorum.check(get(spec, QUORUM_PCT), QUORUM_PCT, out);
        long misbehaving = get(spec, OFFLINE) + get(spec, SLOW) + get(spec, MALICIOUS);
        if (misbehaving > get(spec, OPERATORS)) {
            out.error(Layer.SECURITY, "params." + OFFLINE.key(), "offline, slow and malicious operators add up to " + misbehaving + ", more than the "
                    + get(spec, OPERATORS) + " operators; lower them or add operators", "mach-operators-add-up");
        }
    }

    /** reference.md "MACH": a block is fast-final when a quorum of stake attests, at the next check. */
    @Override public OptionalDouble fastFinalitySeconds(StackSpec s, double softSeconds) {
        return OptionalDouble.of(softSeconds + get(s, CHECK_INTERVAL_MS) / 1000.0);
    }

    @Override public String fastFinalityBy() {
        return "MACH quorum";
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        MachConfig mach = MachConfig.of(get(spec, OPERATORS).intValue(), get(spec, QUORUM_PCT).intValue(), get(spec, CHECK_INTERVAL_MS),
                get(spec, OFFLINE).intValue(), get(spec, SLOW).intValue(), get(spec, SLOW_MS), get(spec, MALICIOUS).intValue());
        setup.sequencing(q -> q.withMach(mach).withVital(null));
    }
}
