package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.trie.TrieProof;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The L1 side of withdrawals, as the OP Stack portal does it: prove a withdrawal against an
 * output root (the output root's preimage, then a storage proof of sentMessages[hash] in the
 * message passer), wait the challenge window, then finalise: the bridge pays the target.
 */
public final class Bridge {
    private final EmbeddedL1 l1;
    private final Map<Hash, Proven> proven = new HashMap<>();

    /** The preimage of an output root: what lets L1 check a storage proof against it. */
    public record OutputRootProof(Hash stateRoot, Hash messagePasserStorageRoot, Hash blockHash) {}

    public record Proven(long chainId, WithdrawalMessage withdrawal, long outputIndex, long provenAtMillis, boolean finalized) {}

    Bridge(EmbeddedL1 l1) {
        this.l1 = l1;
    }

    /** Records a withdrawal as proven; throws with the reason when the proof does not hold. */
    public void prove(long chainId, WithdrawalMessage w, long outputIndex, OutputRootProof orp, List<byte[]> storageProof, long nowMillis) {
        Hash hash = w.hash();
        if (proven.containsKey(hash)) throw new IllegalStateException("withdrawal " + hash.shortHex() + " is already proven");
        List<OutputProposal> outputs = l1.outputs(chainId);
        if (outputIndex < 0 || outputIndex >= outputs.size()) throw new IllegalArgumentException("no output " + outputIndex + " for chain " + chainId);
        Hash root = OutputRoot.of(orp.stateRoot(), orp.messagePasserStorageRoot(), orp.blockHash());
        if (!root.equals(outputs.get((int) outputIndex).outputRoot())) {
            throw new IllegalArgumentException("the output root proof does not hash to output " + outputIndex);
        }
        byte[] value = TrieProof.verify(orp.messagePasserStorageRoot(), Keccak.digest(WithdrawalMessage.sentSlot(hash).raw()), storageProof);
        if (value == null || !Rlp.decode(value).bigInt().equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("the storage proof shows withdrawal " + hash.shortHex() + " was never sent on L2");
        }
        proven.put(hash, new Proven(chainId, w, outputIndex, nowMillis, false));
    }

    /** Pays a proven withdrawal once the challenge window has passed; returns false if it has not yet. */
    public boolean finalizeWithdrawal(Hash hash, long nowMillis, long challengeWindowMillis) {
        Proven p = proven.get(hash);
        if (p == null) throw new IllegalStateException("withdrawal " + hash.shortHex() + " has not been proven");
        if (p.finalized()) throw new IllegalStateException("withdrawal " + hash.shortHex() + " is already finalized");
        if (nowMillis < p.provenAtMillis() + challengeWindowMillis) return false;
        payOut(p.chainId(), p.withdrawal());
        proven.put(hash, new Proven(p.chainId(), p.withdrawal(), p.outputIndex(), p.provenAtMillis(), true));
        return true;
    }

    /** The portal pays a finalised withdrawal's value to its target. */
    void payOut(long chainId, WithdrawalMessage w) {
        Wei value = Wei.of(w.value());
        l1.ledger().unlock(chainId, value);
        l1.ledger().credit(w.target(), value);
    }

    /** After a restart: the withdrawals proven before it (the L1's restore paid out those finalized). */
    public void restore(long chainId, List<TrackedWithdrawal> stored) {
        for (TrackedWithdrawal w : stored) {
            if (!w.proven()) continue;
            proven.put(w.message().hash(), new Proven(chainId, w.message(), w.outputIndex(), w.provenAtMillis(), w.finalized()));
        }
    }

    public Proven status(Hash hash) {
        return proven.get(hash);
    }
}
