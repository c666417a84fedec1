package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.runtime.config.VitalConfig;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Security;
import dev.rollupstudio.spec.StackSpec;

/** VITAL: restaked operators check every proposed output root and dispute a wrong one. */
public final class Vital extends CatalogEntry implements Security {
    public static final String ID = "vital";
    public static final Param<Long> OPERATORS = Param.integer("operators", "Operators", "", 10, 1, 200, "verifiers watching the rollup", null);
    public static final Param<Long> QUORUM_PCT = Param.integer("quorumPct", "Alert quorum", "%", 66, 1, 100, "stake needed to raise an alert",
            "MACH: 66% in production");
    public static final Param<Long> OFFLINE = Param.integer("offlineOperators", "Offline operators", "", 0, 0, 200, "operators that check nothing", null);
    public static final Param<Long> SLOW = Param.integer("slowOperators", "Slow operators", "", 1, 0, 200, "operators whose verdicts arrive late", null);
    public static final Param<Long> SLOW_MS = Param.integer("slowDelayMs", "Slow operators' delay", "ms", 10_000, 0, 3_600_000,
            "how late a slow operator's verdict arrives", null);
    public static final Param<Long> MALICIOUS = Param.integer("maliciousOperators", "Malicious operators", "", 0, 0, 200,
            "operators that lie: they call a wrong output right and a right one wrong (both slashable on L1)", null);

    public Vital() {
        super(ID, Layer.SECURITY, "VITAL verification", "fth-search",
                "AltLayer's restaked operators re-check every committed state root and raise an alert on a bad one.",
                Effect.runtime("operators sign a verdict on each proposed output root against the blocks derived from L1 data (one derivation "
                        + "shared by all, where each would run its own); when verdicts of \"wrong\" carry the quorum of bonded ALT and restaked ETH "
                        + "they raise an alert and one of them disputes the output on L1 with its own bond (optimistic proofs); a verdict a dispute or "
                        + "the finalization period proves false slashes its signer"),
                OPERATORS, QUORUM_PCT, OFFLINE, SLOW, SLOW_MS, MALICIOUS);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        RestakedQuorum.check(get(spec, QUORUM_PCT), QUORUM_PCT, out);
        if (spec.proofs().kind() == ProofSystem.Kind.NONE) {
            out.warning(Layer.SECURITY, "component", "VITAL operators raise alerts on bad state roots, but with no proof system nobody can act on an alert: "
                    + "add optimistic or ZK proofs", "vital-needs-proofs");
        }
        long misbehaving = get(spec, OFFLINE) + get(spec, SLOW) + get(spec, MALICIOUS);
        if (misbehaving > get(spec, OPERATORS)) {
            out.error(Layer.SECURITY, "params." + OFFLINE.key(), "offline, slow and malicious operators add up to " + misbehaving + ", more than the "
                    + get(spec, OPERATORS) + " operators; lower them or add operators", "vital-operators-add-up");
        }
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        VitalConfig vital = VitalConfig.of(get(spec, OPERATORS).intValue(), get(spec, QUORUM_PCT).intValue(), get(spec, OFFLINE).intValue(),
                get(spec, SLOW).intValue(), get(spec, SLOW_MS), get(spec, MALICIOUS).intValue());
        setup.sequencing(q -> q.withMach(null).withVital(vital));
    }
}
