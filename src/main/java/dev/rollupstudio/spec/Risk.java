package dev.rollupstudio.spec;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;

/** Scores a stack with L2BEAT's risk framework (reference.md, "Risk view"); the layers give their own columns. */
public final class Risk {
    private static final long DAY = 86_400;

    private Risk() {}

    public static RiskView assess(StackSpec spec) {
        Validator.requireComplete(spec);
        Column sv = spec.proofs().stateValidation(spec);
        Column da = spec.dataAvailability().risk(spec);
        Column exit = exitWindow(spec);
        Column seq = spec.sequencing().sequencerFailure(spec);
        Column prop = proposerFailure(spec);
        String[] stage = stage(spec, sv, da, seq, prop);
        return new RiskView(sv, da, exit, seq, prop, stage[0], stage[1]);
    }

    /** Seconds users have to exit before an upgrade: the upgrade delay minus the time an exit takes. */
    static long exitWindowSeconds(StackSpec s) {
        return s.settlement().upgradeDelaySeconds(s) - s.proofs().exitDelaySeconds(s);
    }

    static Column exitWindow(StackSpec s) {
        String t = "Exit window";
        if (s.settlement().upgradeDelaySeconds(s) == 0) return new Column(t, Level.BAD, "None", "contracts can be upgraded instantly");
        long window = exitWindowSeconds(s);
        String v = window <= 0 ? "None" : Validator.duration(window);
        if (window < 7 * DAY) return new Column(t, Level.BAD, v, "upgrade delay minus exit delay is under 7 days");
        if (window < 30 * DAY) return new Column(t, Level.WARNING, v, "users have " + v + " to exit before an upgrade (under 30 days)");
        return new Column(t, Level.GOOD, v, "users have " + v + " to exit before an upgrade");
    }

    static Column proposerFailure(StackSpec s) {
        String t = "Proposer failure";
        ProofSystem.Kind kind = s.proofs().kind();
        if (kind == ProofSystem.Kind.VALIDITY) return new Column(t, Level.GOOD, "Self propose", "anyone can propose a state root with a validity proof");
        if (kind == ProofSystem.Kind.OPTIMISTIC && s.proofs().permissionless(s)) return new Column(t, Level.GOOD, "Self propose", "anyone can propose state roots");
        return s.settlement().securityCouncil(s) ? new Column(t, Level.WARNING, "Replace proposer", "governance can replace a proposer that stops")
                : new Column(t, Level.BAD, "Cannot withdraw", "if the proposer stops, withdrawals stop");
    }

    static String[] stage(StackSpec s, Column sv, Column da, Column seq, Column prop) {
        if (da.level() != Level.GOOD) return new String[] {"not a rollup", "data is not on Ethereum, so a node cannot rebuild the state from L1"};
        if (s.proofs().kind() == ProofSystem.Kind.NONE) return new String[] {"not a rollup", "there is no proof system"};
        long window = exitWindowSeconds(s);
        boolean users = sv.level() == Level.GOOD && seq.level() == Level.GOOD && prop.level() == Level.GOOD;
        if (!users) return new String[] {"0", "users cannot exit without the operator's help"};
        if (!s.settlement().securityCouncil(s)) return new String[] {"0", "no security council"};
        if (window < 7 * DAY) return new String[] {"0", "less than 7 days to exit before a non-council upgrade"};
        boolean permissionless = s.proofs().permissionless(s);
        if (permissionless && window >= 30 * DAY) return new String[] {"2", "permissionless proofs and at least 30 days to exit"};
        return new String[] {"1", permissionless ? "less than 30 days to exit before an upgrade" : "proofs are not permissionless"};
    }
}
