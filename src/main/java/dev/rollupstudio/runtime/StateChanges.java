package dev.rollupstudio.runtime;

import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a world state wrote since it was last drained, as it now is: the accounts (a deleted one
 * as {@link Account#EMPTY}), the storage slots, and the code of every changed account that has
 * code, by hash. What a store persists for a block or a verifier checkpoint.
 */
public record StateChanges(Map<Address, Account> accounts, Map<Address, Map<Hash, BigInteger>> storage, Map<Hash, byte[]> code) {

    public static StateChanges drain(MutableWorldState s) {
        return drain(s, Set.of(), Map.of());
    }

    /** {@link #drain(MutableWorldState)}, plus {@code also} and {@code alsoSlots} as they now are (what a state rolled back must write again). */
    public static StateChanges drain(MutableWorldState s, Set<Address> also, Map<Address, Set<Hash>> alsoSlots) {
        Map<Address, Account> accounts = new LinkedHashMap<>();
        Map<Hash, byte[]> code = new LinkedHashMap<>();
        Set<Address> changed = new LinkedHashSet<>(also);
        changed.addAll(s.drainChanged());
        for (Address a : changed) {
            Account acc = s.account(a);
            accounts.put(a, acc);
            if (acc.hasCode()) code.putIfAbsent(acc.codeHash(), s.code(a));
        }
        Map<Address, Map<Hash, BigInteger>> storage = new LinkedHashMap<>();
        alsoSlots.forEach((a, slots) -> slots.forEach(slot -> storage.computeIfAbsent(a, k -> new LinkedHashMap<>()).put(slot, s.storage(a, slot))));
        s.drainChangedStorage().forEach((a, slots) -> storage.computeIfAbsent(a, k -> new LinkedHashMap<>()).putAll(slots));
        return new StateChanges(accounts, storage, code);
    }
}
