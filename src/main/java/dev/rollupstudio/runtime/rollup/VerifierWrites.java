package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.StateChanges;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The verifier's writes to the store: after each L1 block its checkpoint and the accounts and
 * slots its state changed. Those written after each L1 block above the finalized one are
 * remembered, so that when an L1 reorg takes the verifier back, everything it wrote since the
 * fork is written again as its state now is.
 */
final class VerifierWrites {
    private final RuntimeStore store;
    private final Derivation derivation;
    private final EmbeddedL1 l1;
    private final TreeMap<Long, StateChanges> written = new TreeMap<>();

    VerifierWrites(RuntimeStore store, Derivation derivation, EmbeddedL1 l1) {
        this.store = store;
        this.derivation = derivation;
        this.l1 = l1;
    }

    /** After the verifier read L1 block {@code l1Block}. */
    void afterL1Block(long l1Block) {
        write(l1Block, Set.of(), Map.of());
    }

    /** After the verifier went back to the block before {@code fromNumber} and read the new blocks: rewrites what it wrote since. */
    void afterReorg(long fromNumber) {
        Set<Address> accounts = new HashSet<>();
        Map<Address, Set<Hash>> slots = new HashMap<>();
        for (StateChanges c : written.tailMap(fromNumber, true).values()) {
            accounts.addAll(c.accounts().keySet());
            c.storage().forEach((a, s) -> slots.computeIfAbsent(a, k -> new HashSet<>()).addAll(s.keySet()));
        }
        written.tailMap(fromNumber, true).clear();
        write(l1.head().number(), accounts, slots);
    }

    private void write(long l1Block, Set<Address> also, Map<Address, Set<Hash>> alsoSlots) {
        if (store == RuntimeStore.NONE) return;
        StateChanges changes = StateChanges.drain(derivation.state(), also, alsoSlots);
        store.verifier(derivation.checkpoint(), changes);
        written.put(l1Block, changes);
        written.headMap(l1.finalizedNumber(), true).clear();
    }
}
