package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.event.DisputeGame;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.security.OutputVerification;
import dev.rollupstudio.runtime.security.Restaking;
import dev.rollupstudio.sim.Scheduler;
import java.util.function.BooleanSupplier;

/**
 * An optimistic rollup node's part in its outputs' disputes on L1. The derivation from L1 data
 * referees; as OP Stack chains run op-challenger, an honest challenger (the node's L1 account)
 * disputes every output the verifier finds wrong; a deleted output is proposed again. The node
 * also hands the registry VITAL's lies as they become provable: verdicts that called right an
 * output a dispute deleted, and false alarms on outputs that stood through their finalization period.
 */
final class OutputDisputes {
    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final OutputVerification vital;
    private final L1Signer signer;

    /** {@code vital}: the rollup's VITAL operators, or null. */
    OutputDisputes(RollupConfig config, EmbeddedL1 l1, Derivation derivation, Proposer proposer, OutputVerification vital, L1Signer signer,
                   Scheduler scheduler, EventBus events, BooleanSupplier stopped) {
        this.config = config;
        this.l1 = l1;
        this.vital = vital;
        this.signer = signer;
        var disputes = l1.disputes();
        disputes.referee(config.chainId(), derivation::outputRootAt);
        derivation.onOutputChecked((o, derived) -> {
            if (!derived.equals(o.outputRoot())) disputes.challenge(config.chainId(), o.index(), signer.address());
        });
        disputes.onGame(config.chainId(), g -> {
            if (stopped.getAsBoolean()) return;
            if (g.outputDeleted()) proposer.rewind(g.l2Block());
            // the VITAL operators that called the output right signed their own evidence
            if (g.outputDeleted() && vital != null) {
                for (var c : vital.vouchedFor(g.outputIndex(), g.proposedRoot())) l1.submit(Restaking.slashFalseVerdict(l1, signer, c));
            }
            events.publish(new DisputeGame(scheduler.now(), g));
        });
    }

    /** At each L1 block: the false alarms on outputs now final go to the registry. */
    void onL1Block() {
        if (vital == null) return;
        for (var c : vital.falseAlarms(this::isFinal)) l1.submit(Restaking.slashFalseVerdict(l1, signer, c));
    }

    /** Whether output {@code o} stood on the L1 oracle through its finalization period (the registry checks the same). */
    private boolean isFinal(OutputProposal o) {
        return l1.outputs(config.chainId()).contains(o) && l1.head().timestampMillis() >= o.l1TimestampMillis() + config.proof().delayMillis();
    }
}
