package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.ValidityProof;
import dev.rollupstudio.runtime.l1.ValidityProofs;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A ZK rollup's prover: a proving latency after each output is proposed it hands L1 a proof of
 * the root the output claims, and the output is final once L1 verifies it. It proves what it is
 * given, so a wrong root gets a proof that L1 rejects (see {@link ValidityProofs}).
 */
final class Prover {
    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final Scheduler scheduler;
    private final Address address;
    private long provenThrough;
    private boolean stopped;

    /** Registers the rollup's verifier on L1 ({@code derivedRoot}: the derivation's output roots); {@code onVerified} hears every verdict. */
    Prover(RollupConfig config, EmbeddedL1 l1, Scheduler scheduler, Address address, LongFunction<Hash> derivedRoot,
           Consumer<ValidityProofs.Verification> onVerified) {
        this.config = config;
        this.l1 = l1;
        this.scheduler = scheduler;
        this.address = address;
        l1.validityProofs().register(config.chainId(), derivedRoot);
        l1.validityProofs().onVerification(config.chainId(), v -> {
            if (stopped) return;
            if (v.accepted()) provenThrough = Math.max(provenThrough, v.proof().l2Block());
            onVerified.accept(v);
        });
    }

    /**
     * A resumed chain: the L1 ran its stored proofs and verdicts again, so the outputs it counts
     * as verified are; those after them are proved again unless a proof of them waits on L1.
     */
    void resume() {
        long verified = ValidityProofs.verifiedCount(l1.state(), config.chainId());
        for (OutputProposal o : l1.outputs(config.chainId())) {
            if (o.index() < verified) provenThrough = Math.max(provenThrough, o.l2BlockNumber());
            else if (!l1.validityProofs().pending(config.chainId(), o.index())) prove(o);
        }
    }

    /** Proves {@code o} a proving latency after L1 included it. */
    void prove(OutputProposal o) {
        scheduler.at(o.l1TimestampMillis() + config.proof().delayMillis(), 3, () -> {
            if (!stopped) l1.validityProofs().submit(ValidityProof.of(o, address, scheduler.now()));
        });
    }

    /** The furthest L2 block a verified proof covers. */
    long provenThrough() {
        return provenThrough;
    }

    void stop() {
        stopped = true;
        l1.validityProofs().forget(config.chainId());
    }
}
