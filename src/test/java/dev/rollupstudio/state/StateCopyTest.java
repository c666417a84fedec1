package dev.rollupstudio.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Copies share buckets and storage tries with their origin (a chain keeps one per recent block),
 * yet neither side ever sees the other's later writes.
 */
class StateCopyTest {

    @Test
    void theBucketMapAgreesWithAHashMapAcrossCopiesAndGrowth() {
        Random rnd = new Random(7);
        SharedBucketMap<Integer, Integer> live = new SharedBucketMap<>();
        Map<Integer, Integer> model = new HashMap<>();
        List<SharedBucketMap<Integer, Integer>> copies = new ArrayList<>();
        List<Map<Integer, Integer>> models = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int key = rnd.nextInt(3_000); // the map grows through several doublings
            if (rnd.nextInt(4) == 0) {
                assertThat(live.remove(key)).isEqualTo(model.remove(key));
            } else {
                assertThat(live.put(key, step)).isEqualTo(model.put(key, step));
            }
            if (step % 500 == 0) {
                copies.add(live.copy());
                models.add(new HashMap<>(model));
                if (copies.size() > 2) { // a copy written on its own side stays apart too
                    copies.get(1).put(-step, step);
                    models.get(1).put(-step, step);
                }
            }
        }
        assertThat(live.toMap()).isEqualTo(model);
        assertThat(live.size()).isEqualTo(model.size());
        for (int i = 0; i < copies.size(); i++) {
            assertThat(copies.get(i).toMap()).as("copy %d", i).isEqualTo(models.get(i));
            assertThat(copies.get(i).size()).as("copy %d", i).isEqualTo(models.get(i).size());
        }
    }

    @Test
    void aCopysAccountsStorageAndRootStayAsTheyWere() {
        TrieWorldState s = new TrieWorldState();
        List<Address> addresses = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            Address a = Address.fromHex(String.format("0x%040x", i * 7919));
            addresses.add(a);
            s.setBalance(a, Wei.ether(i));
            s.setStorage(a, Hash.ZERO, BigInteger.valueOf(i));
        }
        Hash before = s.root();
        TrieWorldState snapshot = s.copy();
        snapshot.root();

        for (Address a : addresses) { // the live state moves on: balances, slots, a deleted account, a cleared storage
            s.setBalance(a, Wei.ether(1_000));
            s.setStorage(a, Hash.ZERO, BigInteger.valueOf(42));
        }
        s.delete(addresses.get(0));
        s.clearStorage(addresses.get(1));
        assertThat(s.root()).isNotEqualTo(before);

        assertThat(snapshot.root()).isEqualTo(before);
        for (int i = 0; i < addresses.size(); i++) {
            Address a = addresses.get(i);
            assertThat(snapshot.balance(a)).isEqualTo(Wei.ether(i + 1));
            assertThat(snapshot.storage(a, Hash.ZERO)).isEqualTo(BigInteger.valueOf(i + 1));
        }
        // and the copy written on its own side leaves the live state alone
        TrieWorldState fork = snapshot.copy();
        fork.setStorage(addresses.get(2), Hash.ZERO, BigInteger.valueOf(7));
        assertThat(snapshot.storage(addresses.get(2), Hash.ZERO)).isEqualTo(BigInteger.valueOf(3));
        assertThat(s.storage(addresses.get(2), Hash.ZERO)).isEqualTo(BigInteger.valueOf(42));
        assertThat(snapshot.root()).isEqualTo(before);
    }

    @Test
    void aCopyStartsWithNothingToDrain() {
        TrieWorldState s = new TrieWorldState();
        Address a = Address.fromHex("0x00000000000000000000000000000000000000a1");
        s.setBalance(a, Wei.ether(1));
        TrieWorldState copy = s.copy();
        assertThat(copy.drainChanged()).isEmpty();
        assertThat(s.drainChanged()).containsExactly(a);
    }

    @Test
    void aRevertAfterACopyLeavesTheCopysStorageAlone() {
        TrieWorldState s = new TrieWorldState();
        Address a = Address.fromHex("0x00000000000000000000000000000000000000a1");
        s.setStorage(a, Hash.ZERO, BigInteger.ONE);
        s.checkpoint();
        s.setStorage(a, Hash.ZERO, BigInteger.TWO);
        TrieWorldState copy = s.copy();
        s.revert();
        s.setStorage(a, Hash.ZERO, BigInteger.TEN); // writes the restored trie in place
        assertThat(copy.storage(a, Hash.ZERO)).isEqualTo(BigInteger.TWO);
        assertThat(s.storage(a, Hash.ZERO)).isEqualTo(BigInteger.TEN);
    }
}
