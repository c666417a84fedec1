package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.Proofs;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** Fault proofs: outputs stand unless disputed within the challenge window; withdrawals wait for it. */
public final class OptimisticProofs extends CatalogEntry implements Proofs {
    public static final String ID = "optimistic";
    private static final String NO_DISPUTES = "disputes come with restaked security; until then nobody challenges an output in the runtime";
    public static final Param<Long> CHALLENGE_WINDOW = Param.integer("challengeWindowSeconds", "Challenge window", "s", 604_800, 60, 2_592_000,
            "how long an output can be disputed", "OP Stack: finalizationPeriodSeconds 604,800 (7 d)");
    public static final Param<Boolean> PERMISSIONLESS = Param.bool("permissionless", "Permissionless proofs", true,
            "anyone may propose outputs and dispute them").modelled(NO_DISPUTES);
    public static final Param<Long> WHITELISTED_CHALLENGERS = Param.integer("whitelistedChallengers", "Whitelisted challengers", "", 1, 1, 100,
            "who may dispute, when proofs are not permissionless", "Risk view: State validation").modelled(NO_DISPUTES);

    public OptimisticProofs() {
        super(ID, Layer.PROOFS, "Optimistic proofs", "fth-eye",
                "State roots are assumed correct unless someone proves them wrong within a challenge window; withdrawals wait for the window.",
                Effect.runtime("withdrawals wait the challenge window; a wrong output is disputed, and the referee re-executes the range from L1 data instead of playing a bisection game"), CHALLENGE_WINDOW, PERMISSIONLESS, WHITELISTED_CHALLENGERS);
    }

    @Override public void validate(StackSpec spec, Problems out) {
        if (!spec.execution().provesValidity() && spec.lifecycle().lifetimeSeconds(spec).isEmpty() && get(spec, CHALLENGE_WINDOW) < 86_400) {
            out.warning(Layer.PROOFS, "params.challengeWindowSeconds",
                    "a challenge window under a day leaves honest challengers little time to act; OP Mainnet uses 7 days", "short-challenge-window");
        }
    }

    @Override public ProofSystem.Kind kind() {
        return ProofSystem.Kind.OPTIMISTIC;
    }

    @Override public long exitDelaySeconds(StackSpec s) {
        return get(s, CHALLENGE_WINDOW);
    }

    @Override public boolean permissionless(StackSpec s) {
        return get(s, PERMISSIONLESS);
    }

    @Override public double finalSeconds(StackSpec s, double safeSeconds) {
        return safeSeconds + L1Costs.FINALITY_SECONDS + get(s, CHALLENGE_WINDOW);
    }

    @Override public String finalBy() {
        return "L1 finality + challenge window";
    }

    @Override public Column stateValidation(StackSpec s) {
        String t = "State validation";
        if (get(s, PERMISSIONLESS)) return new Column(t, Level.GOOD, "Fraud proofs", "anyone can dispute a wrong state root");
        long n = get(s, WHITELISTED_CHALLENGERS);
        return n < 5 ? new Column(t, Level.BAD, "Fraud proofs (" + n + " whitelisted)", "only " + n + " whitelisted actors may dispute, fewer than 5")
                : new Column(t, Level.WARNING, "Fraud proofs (" + n + " whitelisted)", "only whitelisted actors may dispute");
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withProof(ProofSystem.optimistic(get(spec, CHALLENGE_WINDOW))));
    }
}
