package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.chain.trie.TrieProof;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over random keys: the root does not depend on insertion order, and deletes undo inserts. */
class TriePropertyTest {

    @Test
    void rootIsIndependentOfOrderAndDeletesRestoreEarlierRoots() {
        Random rnd = new Random(42);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] k = new byte[1 + rnd.nextInt(i % 2 == 0 ? 32 : 3)];
            rnd.nextBytes(k);
            keys.add(k);
        }
        MerklePatriciaTrie a = new MerklePatriciaTrie();
        for (byte[] k : keys) a.put(k, Keccak.digest(k));
        List<byte[]> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, rnd);
        MerklePatriciaTrie b = new MerklePatriciaTrie();
        for (byte[] k : shuffled) b.put(k, Keccak.digest(k));
        assertThat(b.rootHash()).isEqualTo(a.rootHash());
        for (byte[] k : keys) assertThat(b.get(k)).isEqualTo(Keccak.digest(k));

        MerklePatriciaTrie half = new MerklePatriciaTrie();
        for (byte[] k : keys.subList(0, 1500)) half.put(k, Keccak.digest(k));
        for (byte[] k : keys.subList(1500, 3000)) if (half.get(k) == null) b.delete(k);
        // keys in the second half that also occur in the first half keep their (same) value
        assertThat(b.rootHash()).isEqualTo(half.rootHash());
    }

    @Test
    void proofsProveMembershipAndAbsenceAndFailWhenTampered() {
        MerklePatriciaTrie t = new MerklePatriciaTrie();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] k = Keccak.digest(new byte[] {(byte) i, (byte) (i >> 8)});
            keys.add(k);
            t.put(k, new byte[] {(byte) (i + 1)});
        }
        for (int i = 0; i < keys.size(); i += 37) {
            assertThat(TrieProof.verify(t.rootHash(), keys.get(i), t.proof(keys.get(i)))).isEqualTo(new byte[] {(byte) (i + 1)});
        }
        byte[] absent = Keccak.digest(new byte[] {1, 2, 3});
        assertThat(TrieProof.verify(t.rootHash(), absent, t.proof(absent))).isNull();
        List<byte[]> proof = new ArrayList<>(t.proof(keys.get(3)));
        byte[] last = proof.get(proof.size() - 1).clone();
        last[last.length - 1] ^= 1;
        proof.set(proof.size() - 1, last);
        assertThatThrownBy(() -> TrieProof.verify(t.rootHash(), keys.get(3), proof)).hasMessageContaining("missing the node");
    }
}
