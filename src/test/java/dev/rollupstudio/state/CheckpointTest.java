package dev.rollupstudio.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Checkpoints undo exactly what was written since, nested, roots and pending storage writes included. */
class CheckpointTest {
    private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000a1");
    private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000b2");
    private static final Hash SLOT = Hash.ZERO;

    private static TrieWorldState base() {
        TrieWorldState s = new TrieWorldState();
        s.setBalance(A, Wei.ether(5));
        s.setStorage(A, SLOT, BigInteger.TWO);
        return s;
    }

    @Test
    void revertRestoresAccountsStorageAndTheRoot() {
        TrieWorldState s = base();
        Hash root = s.root();
        s.checkpoint();
        s.setBalance(A, Wei.ether(1));
        s.setNonce(A, 9);
        s.setStorage(A, SLOT, BigInteger.TEN);
        s.setBalance(B, Wei.ether(2)); // a new account
        assertThat(s.root()).isNotEqualTo(root);
        s.revert();
        assertThat(s.root()).isEqualTo(root);
        assertThat(s.balance(A)).isEqualTo(Wei.ether(5));
        assertThat(s.storage(A, SLOT)).isEqualTo(BigInteger.TWO);
        assertThat(s.accounts()).doesNotContainKey(B);
        // what a store persists next is the value before the checkpoint, never the reverted one
        assertThat(s.drainChangedStorage().get(A)).containsEntry(SLOT, BigInteger.TWO);
    }

    @Test
    void anInnerCommitIsUndoneByAnOuterRevert() {
        TrieWorldState s = base();
        Hash root = s.root();
        s.checkpoint();
        s.setBalance(A, Wei.ether(4));
        s.checkpoint();
        s.setBalance(A, Wei.ether(3));
        s.setBalance(B, Wei.ether(1));
        s.commit();
        assertThat(s.balance(A)).isEqualTo(Wei.ether(3));
        s.revert();
        assertThat(s.root()).isEqualTo(root);
        assertThat(s.balance(B)).isEqualTo(Wei.ZERO);
    }

    @Test
    void anInnerRevertKeepsTheOuterWrites() {
        TrieWorldState s = base();
        s.checkpoint();
        s.setBalance(A, Wei.ether(4));
        s.checkpoint();
        s.setBalance(A, Wei.ether(3));
        s.revert();
        s.commit();
        assertThat(s.balance(A)).isEqualTo(Wei.ether(4));
    }

    @Test
    void pendingSlotWritesComeBackExactlyAfterNestedCommitsAndAClear() {
        Hash slot2 = Hash.of(dev.rollupstudio.types.Bytes.leftPad(new byte[] {2}, 32));
        Hash slot3 = Hash.of(dev.rollupstudio.types.Bytes.leftPad(new byte[] {3}, 32));
        TrieWorldState s = base(); // pending: SLOT = 2
        s.checkpoint();
        s.setStorage(A, slot2, BigInteger.ONE); // first written inside the outer checkpoint
        s.checkpoint();
        s.setStorage(A, SLOT, BigInteger.valueOf(7));
        s.setStorage(B, slot3, BigInteger.valueOf(8)); // an account with no pending writes before
        s.commit();
        s.checkpoint();
        s.clearStorage(A); // drops every pending write of A ...
        s.setStorage(A, slot3, BigInteger.valueOf(9)); // ... and starts anew
        s.revert();
        assertThat(s.drainChangedStorage()).isEqualTo(java.util.Map.of(A, java.util.Map.of(SLOT, BigInteger.valueOf(7), slot2, BigInteger.ONE),
                B, java.util.Map.of(slot3, BigInteger.valueOf(8))));
        s.setStorage(A, SLOT, BigInteger.TWO);
        s.setStorage(A, slot2, BigInteger.ONE);
        s.checkpoint();
        s.setStorage(A, slot2, BigInteger.TEN);
        s.setStorage(B, slot3, BigInteger.ONE);
        s.revert();
        assertThat(s.drainChangedStorage()).isEqualTo(java.util.Map.of(A, java.util.Map.of(SLOT, BigInteger.TWO, slot2, BigInteger.ONE)));
    }
}
