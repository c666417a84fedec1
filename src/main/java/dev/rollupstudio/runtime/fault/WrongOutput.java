package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.DisputeGame;
import dev.rollupstudio.runtime.event.OutputProposed;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.l1.Disputes;

/**
 * The proposer posts one wrong output root: the verifier finds it, the honest challenger disputes
 * it with a bond, the game's clock runs out, the referee re-executes from L1 data, the output is
 * deleted and the proposer's bond goes to the challenger; the block's output is proposed again.
 */
final class WrongOutput extends ActiveFault {
    private Disputes.Game started;
    private Disputes.Game resolved;

    WrongOutput(RollupRuntime rt) {
        super(FaultKind.WRONG_OUTPUT, rt);
    }

    @Override void start() {
        rt.node().proposer().proposeWrongNext();
    }

    @Override void onEvent(RuntimeEvent e) {
        if (e instanceof VerifierFinding f && f.kind() == VerifierFinding.Kind.OUTPUT_DIFFERS && !detected()) detected("verifier: " + f.what());
        if (e instanceof DisputeGame d && detected()) {
            if (d.game().outcome() == null && started == null) started = d.game();
            else if (d.game().outcome() != null && started != null && d.game().outputIndex() == started.outputIndex() && resolved == null) resolved = d.game();
        }
        if (e instanceof OutputProposed p && resolved != null && resolved.outputDeleted() && outcome.equals("under way")
                && p.output().l2BlockNumber() == resolved.l2Block()) {
            outcome = "the honest challenger disputed output " + started.outputIndex() + " (block " + started.l2Block() + ") with a "
                    + (long) Disputes.BOND.toEther() + " ETH bond " + secondsSince(injectedAt) + " ago; after the game clock of "
                    + (started.deadlineMillis() - started.startedAtMillis()) / 1000 + " s, " + resolved.outcome() + "; block " + resolved.l2Block()
                    + "'s output was proposed again with root " + p.output().outputRoot().shortHex();
        }
    }
}
