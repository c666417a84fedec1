package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.DisputeGame;
import dev.rollupstudio.runtime.event.OutputProposed;
import dev.rollupstudio.runtime.event.ProofVerified;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.l1.Disputes;
import dev.rollupstudio.runtime.l1.ValidityProofs;

/**
 * The proposer posts one wrong output root. On an optimistic rollup the verifier finds it, the
 * honest challenger disputes it with a bond, the game's clock runs out, the referee re-executes
 * from L1 data, the output is deleted and the proposer's bond goes to the challenger. On a ZK
 * rollup the prover's proof of that root is rejected by L1's verifier and the output deleted.
 * Either way the block's output is proposed again (and, on a ZK rollup, proved).
 */
final class WrongOutput extends ActiveFault {
    private Disputes.Game started;
    private Disputes.Game resolved;
    private ValidityProofs.Verification rejected;

    WrongOutput(RollupRuntime rt) {
        super(FaultKind.WRONG_OUTPUT, rt);
    }

    @Override void start() {
        rt.node().proposer().proposeWrongNext();
    }

    @Override void onEvent(RuntimeEvent e) {
        if (e instanceof dev.rollupstudio.runtime.event.VitalAlert a) detected("VITAL operators: " + a.what());
        if (e instanceof VerifierFinding f && f.kind() == VerifierFinding.Kind.OUTPUT_DIFFERS && !detected()) detected("verifier: " + f.what());
        if (e instanceof DisputeGame d && detected()) {
            if (d.game().outcome() == null && started == null) started = d.game();
            else if (d.game().outcome() != null && started != null && d.game().outputIndex() == started.outputIndex() && resolved == null) resolved = d.game();
        }
        if (e instanceof ProofVerified v) onVerdict(v.verification());
        if (e instanceof OutputProposed p && resolved != null && resolved.outputDeleted() && outcome.equals("under way")
                && p.output().l2BlockNumber() == resolved.l2Block()) {
            outcome = challenger(started.challenger()) + " disputed output " + started.outputIndex() + " (block " + started.l2Block() + ") with a "
                    + (long) Disputes.BOND.toEther() + " ETH bond " + secondsSince(injectedAt) + " ago; after the game clock of "
                    + (started.deadlineMillis() - started.startedAtMillis()) / 1000 + " s, " + resolved.outcome() + "; block " + resolved.l2Block()
                    + "'s output was proposed again with root " + p.output().outputRoot().shortHex() + vouchers();
        }
    }

    /** VITAL operators who signed that the wrong output was right: their verdicts went to the L1 registry to slash them. */
    private String vouchers() {
        var vital = rt.node().vital();
        long n = vital == null ? 0 : vital.status().falseVerdictsReported();
        return n == 0 ? "" : "; " + n + " VITAL operator(s) had signed that it was right: their verdicts went to the L1 registry, which slashed their bonds";
    }

    private String challenger(dev.rollupstudio.types.Address a) {
        var vital = rt.node().vital();
        return vital != null && vital.operatorAddresses().contains(a) ? "VITAL operator " + a : "the honest challenger";
    }

    /** A ZK rollup: the wrong root's proof rejected, then the same block's honest output verified. */
    private void onVerdict(ValidityProofs.Verification v) {
        if (!v.accepted() && rejected == null) {
            rejected = v;
            detected("L1 validity verifier: " + v.outcome());
        } else if (v.accepted() && rejected != null && v.proof().l2Block() == rejected.proof().l2Block() && outcome.equals("under way")) {
            outcome = String.format(java.util.Locale.ROOT, "%.0f s after the fault, %s; block %d's output was proposed again with root %s and its proof"
                            + " verified %s after the fault", (rejected.atMillis() - injectedAt) / 1000.0, rejected.outcome(), v.proof().l2Block(),
                    v.proof().outputRoot().shortHex(), secondsSince(injectedAt));
        }
    }
}
