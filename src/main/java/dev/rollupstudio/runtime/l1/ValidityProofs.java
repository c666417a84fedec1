package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Validity proofs on the embedded L1, for ZK rollups: an output counts as verified only once a
 * proof of it is verified here, in output order, and the portal finalizes withdrawals only
 * against verified outputs.
 *
 * <p>The model, said where users read it: the verifier does not check a SNARK. It checks that the
 * proof object is intact and that its root is what re-executing the rollup's blocks from L1 data
 * gives (the rollup's derivation, as a dispute's referee uses), which is what a sound proof
 * system guarantees. A proof of a wrong root is rejected, and the output it proves is deleted
 * with every output after it, to be proposed again.
 */
public final class ValidityProofs {
    /** A proof's verification, as readers see it. */
    public record Verification(ValidityProof proof, long atMillis, boolean accepted, String outcome) {}

    private final Referee referee;
    private final Map<Long, List<Consumer<Verification>>> listeners = new HashMap<>();
    private final List<ValidityProof> submitted = new ArrayList<>();
    /** Proofs handed in since the last block, and those the last block took in: its settlement log's. */
    private final List<ValidityProof> fresh = new ArrayList<>();
    private List<ValidityProof> taken = List.of();
    private final List<Verification> done = new ArrayList<>();

    ValidityProofs(Referee referee) {
        this.referee = referee;
    }

    /**
     * A rollup whose outputs need proofs; {@code derivedRoot} gives the output root at an L2
     * block as derived from L1 data, or null while L1 does not carry that block yet.
     */
    public void register(long chainId, LongFunction<Hash> derivedRoot) {
        referee.register(chainId, derivedRoot);
    }

    /** Whether a proof of output {@code index} of {@code chainId} waits to be verified. */
    public boolean pending(long chainId, long index) {
        return submitted.stream().anyMatch(p -> p.chainId() == chainId && p.outputIndex() == index);
    }

    /** The rollup left the L1 (its node stopped): its verifier and listeners go, so nothing keeps the node. */
    public void forget(long chainId) {
        referee.forget(chainId);
        listeners.remove(chainId);
        submitted.removeIf(p -> p.chainId() == chainId);
    }

    /** Told of each verification of {@code chainId}'s proofs (loop thread). */
    public void onVerification(long chainId, Consumer<Verification> listener) {
        listeners.computeIfAbsent(chainId, k -> new ArrayList<>()).add(listener);
    }

    /** A prover's proof, verified in the next L1 block that can (loop thread). */
    public void submit(ValidityProof proof) {
        submitted.add(proof);
        fresh.add(proof);
    }

    /** The proofs handed in before the last block, for its settlement log. */
    List<ValidityProof> taken() {
        return taken;
    }

    /** Every verification so far, in order. */
    public List<Verification> verifications() {
        return List.copyOf(done);
    }

    /** How many of {@code chainId}'s outputs, from the first, have verified proofs. */
    public static long verifiedCount(dev.rollupstudio.state.WorldState l1State, long chainId) {
        return L2OutputOracle.verifiedCount(l1State, SystemContracts.outputOracle(chainId));
    }

    /** Whether output {@code index} of {@code chainId} has a verified proof. */
    public static boolean verified(dev.rollupstudio.state.WorldState l1State, long chainId, long index) {
        return index < L2OutputOracle.verifiedCount(l1State, SystemContracts.outputOracle(chainId));
    }

    /** In each L1 block: verifies, in output order, the proofs whose outputs L1 data already derives. */
    void onBlock(long nowMillis, MutableWorldState state, Disputes.OutputLookup outputs) {
        taken = List.copyOf(fresh);
        fresh.clear();
        List<Verification> now = new ArrayList<>();
        submitted.sort(java.util.Comparator.comparingLong(ValidityProof::chainId).thenComparingLong(ValidityProof::outputIndex));
        for (Iterator<ValidityProof> it = submitted.iterator(); it.hasNext(); ) {
            ValidityProof p = it.next();
            var oracle = SystemContracts.outputOracle(p.chainId());
            long verified = L2OutputOracle.verifiedCount(state, oracle);
            OutputProposal o = outputs.output(p.chainId(), p.outputIndex());
            if (p.outputIndex() < verified || o == null || !o.outputRoot().equals(p.outputRoot())) {
                it.remove(); // stale: its output was verified already, or deleted and proposed again with another root
                continue;
            }
            if (p.outputIndex() > verified) continue; // an earlier output's proof first
            Hash derived = referee.rootAt(p.chainId(), p.l2Block());
            if (derived == null) continue; // L1 does not carry the block yet
            it.remove();
            Verification v;
            if (p.intact() && derived.equals(p.outputRoot())) {
                L2OutputOracle.setVerifiedCount(state, oracle, verified + 1);
                v = new Verification(p, nowMillis, true, "the proof of output " + p.outputIndex() + " (block " + p.l2Block() + ", root "
                        + p.outputRoot().shortHex() + ") verified; the output is final");
            } else {
                int deleted = outputs.deleteFrom(p.chainId(), p.outputIndex());
                v = new Verification(p, nowMillis, false, "the proof of output " + p.outputIndex() + " (block " + p.l2Block() + ") was rejected: "
                        + (p.intact() ? "it proves root " + p.outputRoot().shortHex() + " but re-execution from L1 data gives " + derived.shortHex()
                                : "its commitment does not bind its fields")
                        + "; " + deleted + " output(s) deleted from index " + p.outputIndex());
            }
            now.add(v);
        }
        done.addAll(now);
        for (Verification v : now) { // after the loop: a listener may submit or propose
            for (Consumer<Verification> l : List.copyOf(listeners.getOrDefault(v.proof().chainId(), List.of()))) l.accept(v);
        }
    }
}
