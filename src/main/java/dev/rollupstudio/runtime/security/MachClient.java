package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.rollup.BlockReplay;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.SingularBatch;
import dev.rollupstudio.state.MutableWorldState;

/**
 * The operators' client: it takes each block the sequencer seals as a batch (its L1 origin,
 * time and transactions), builds it again on its own state with the verifier's code, and says
 * whether the sealed block is the one it built. After a bad block it keeps its own, correct chain.
 * Honest operators all run this client: the block is executed once and each signs the result.
 */
final class MachClient {
    /** What the client found for a sealed block: null {@code why} when it built the same block. */
    record Verdict(SealedBlock sequenced, SealedBlock built, String why) {
        boolean agrees() {
            return why == null;
        }
    }

    private final MutableWorldState state;
    private final BlockReplay replay;
    private SealedBlock head;

    /** {@code state} is the client's own, the state after {@code head}. */
    MachClient(MutableWorldState state, SealedBlock head, BlockReplay replay) {
        this.state = state;
        this.head = head;
        this.replay = replay;
    }

    long head() {
        return head.number();
    }

    /** Builds the block after the client's head from {@code sequenced}'s inputs and compares (loop thread). */
    Verdict check(SealedBlock sequenced) {
        if (sequenced.number() != head.number() + 1) {
            return new Verdict(sequenced, null, "block " + sequenced.number() + " arrived while the operators were at block " + head.number());
        }
        BlockReplay.Result r = replay.run(state, head, SingularBatch.of(sequenced.block(), sequenced.origin(), sequenced.header().timestamp() * 1000));
        if (r.dropped() != null) {
            // an invalid block: the client's head stays where it was, so no later block of that chain is attested either
            return new Verdict(sequenced, null, "block " + sequenced.number() + " cannot be built: " + r.dropped());
        }
        head = r.block();
        if (!head.hash().equals(sequenced.hash())) {
            String what = !head.header().stateRoot().equals(sequenced.header().stateRoot())
                    ? "state root " + sequenced.header().stateRoot().shortHex() + " where re-execution gives " + head.header().stateRoot().shortHex()
                    : "hash " + sequenced.hash().shortHex() + " where re-execution gives " + head.hash().shortHex();
            return new Verdict(sequenced, head, "block " + sequenced.number() + " has " + what);
        }
        return new Verdict(sequenced, head, null);
    }
}
