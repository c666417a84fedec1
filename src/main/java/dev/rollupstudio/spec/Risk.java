package dev.rollupstudio.spec;

import static dev.rollupstudio.spec.Catalog.*;

import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;

/** Scores a stack with L2BEAT's risk framework (reference.md, "Risk view"). */
public final class Risk {
    private static final long DAY = 86_400;

    private Risk() {}

    public static RiskView assess(StackSpec spec) {
        Column sv = stateValidation(spec);
        Column da = dataAvailability(spec);
        Column exit = exitWindow(spec);
        Column seq = sequencerFailure(spec);
        Column prop = proposerFailure(spec);
        String[] stage = stage(spec, sv, da, exit, seq, prop);
        return new RiskView(sv, da, exit, seq, prop, stage[0], stage[1]);
    }

    static Column stateValidation(StackSpec s) {
        String t = "State validation";
        if (s.is(Layer.PROOFS, NO_PROOFS)) return new Column(t, Level.BAD, "None", "no proof system: state roots are taken on trust");
        if (s.is(Layer.PROOFS, ZK_VALIDITY)) return new Column(t, Level.GOOD, "ZK proofs", "every state root comes with a validity proof L1 checks");
        if (s.flag(Layer.PROOFS, "permissionless")) return new Column(t, Level.GOOD, "Fraud proofs", "anyone can dispute a wrong state root");
        long n = s.integer(Layer.PROOFS, "whitelistedChallengers");
        return n < 5 ? new Column(t, Level.BAD, "Fraud proofs (" + n + " whitelisted)", "only " + n + " whitelisted actors may dispute, fewer than 5")
                : new Column(t, Level.WARNING, "Fraud proofs (" + n + " whitelisted)", "only whitelisted actors may dispute");
    }

    static Column dataAvailability(StackSpec s) {
        String t = "Data availability";
        return switch (s.choice(Layer.DATA_AVAILABILITY).component()) {
            case ETHEREUM_BLOBS, ETHEREUM_CALLDATA -> new Column(t, Level.GOOD, "Onchain", "all data is on Ethereum");
            case CELESTIA -> new Column(t, Level.BAD, "External (Celestia)", s.flag(Layer.DATA_AVAILABILITY, "bridgedToL1")
                    ? "data on Celestia; Blobstream attests it to L1 but Ethereum does not hold it" : "data on Celestia with no bridge to L1");
            case EIGENDA -> {
                long q = s.integer(Layer.DATA_AVAILABILITY, "quorumPct");
                yield new Column(t, q >= 66 ? Level.WARNING : Level.BAD, "External committee (" + q + "%)", "a restaked committee signs that it stores the data");
            }
            case AVAIL -> new Column(t, Level.BAD, "External (Avail)", "data on Avail, not on Ethereum");
            default -> new Column(t, Level.BAD, "Local only", "data stays on the operator's machine");
        };
    }

    /** Seconds a user must wait to exit: the challenge window or the proving time. */
    static long exitDelay(StackSpec s) {
        if (s.is(Layer.PROOFS, OPTIMISTIC)) return s.integer(Layer.PROOFS, "challengeWindowSeconds");
        if (s.is(Layer.PROOFS, ZK_VALIDITY)) return s.integer(Layer.PROOFS, "provingLatencySeconds");
        return 0;
    }

    static Column exitWindow(StackSpec s) {
        String t = "Exit window";
        long delay = s.integer(Layer.SETTLEMENT, "upgradeDelayDays") * DAY;
        if (delay == 0) return new Column(t, Level.BAD, "None", "contracts can be upgraded instantly");
        long window = delay - exitDelay(s);
        String v = window <= 0 ? "None" : Validator.duration(window);
        if (window < 7 * DAY) return new Column(t, Level.BAD, v, "upgrade delay minus exit delay is under 7 days");
        if (window < 30 * DAY) return new Column(t, Level.WARNING, v, "users have " + v + " to exit before an upgrade (under 30 days)");
        return new Column(t, Level.GOOD, v, "users have " + v + " to exit before an upgrade");
    }

    static Column sequencerFailure(StackSpec s) {
        String t = "Sequencer failure";
        if (s.is(Layer.SEQUENCING, BASED)) return new Column(t, Level.GOOD, "Self sequence", "L1 proposers sequence: anyone can get included through L1");
        if (s.is(Layer.SEQUENCING, SQUAD)) {
            return new Column(t, Level.GOOD, "Force via L1", "forced inclusion through L1 within " + s.integer(Layer.SEQUENCING, "forcedInclusionHours") + " h");
        }
        return s.flag(Layer.SEQUENCING, "forcedInclusion") ? new Column(t, Level.GOOD, "Force via L1", "users can force transactions through L1")
                : new Column(t, Level.BAD, "No mechanism", "if the sequencer stops, nobody can get a transaction in");
    }

    static Column proposerFailure(StackSpec s) {
        String t = "Proposer failure";
        boolean council = s.flag(Layer.SETTLEMENT, "securityCouncil");
        if (s.is(Layer.PROOFS, ZK_VALIDITY)) return new Column(t, Level.GOOD, "Self propose", "anyone can propose a state root with a validity proof");
        if (s.is(Layer.PROOFS, OPTIMISTIC) && s.flag(Layer.PROOFS, "permissionless")) {
            return new Column(t, Level.GOOD, "Self propose", "anyone can propose state roots");
        }
        return council ? new Column(t, Level.WARNING, "Replace proposer", "governance can replace a proposer that stops")
                : new Column(t, Level.BAD, "Cannot withdraw", "if the proposer stops, withdrawals stop");
    }

    static String[] stage(StackSpec s, Column sv, Column da, Column exit, Column seq, Column prop) {
        if (da.level() != Level.GOOD) return new String[] {"not a rollup", "data is not on Ethereum, so a node cannot rebuild the state from L1"};
        if (s.is(Layer.PROOFS, NO_PROOFS)) return new String[] {"not a rollup", "there is no proof system"};
        long window = s.integer(Layer.SETTLEMENT, "upgradeDelayDays") * DAY - exitDelay(s);
        boolean users = sv.level() == Level.GOOD && seq.level() == Level.GOOD && prop.level() == Level.GOOD;
        if (!users) return new String[] {"0", "users cannot exit without the operator's help"};
        if (!s.flag(Layer.SETTLEMENT, "securityCouncil")) return new String[] {"0", "no security council"};
        if (window < 7 * DAY) return new String[] {"0", "less than 7 days to exit before a non-council upgrade"};
        boolean permissionless = s.is(Layer.PROOFS, ZK_VALIDITY) || s.flag(Layer.PROOFS, "permissionless");
        if (permissionless && window >= 30 * DAY) return new String[] {"2", "permissionless proofs and at least 30 days to exit"};
        return new String[] {"1", permissionless ? "less than 30 days to exit before an upgrade" : "proofs are not permissionless"};
    }
}
