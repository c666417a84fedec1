package dev.rollupstudio.runtime;

import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a world state wrote since it was last drained, as it now is: the accounts (a deleted one
 * as {@link Account#EMPTY}), the storage slots, and the code of every changed account that has
 * code, by hash. What a store persists for a block or a verifier checkpoint.
 */
public record StateChanges(Map<Address, Account> accounts, Map<Address, Map<Hash, BigInteger>> storage, Map<Hash, byte[]> code) {

    public static StateChanges drain(MutableWorldState s) {
        Map<Address, Account> accounts = new LinkedHashMap<>();
        Map<Hash, byte[]> code = new LinkedHashMap<>();
        for (Address a : s.drainChanged()) {
            Account acc = s.account(a);
            accounts.put(a, acc);
            if (acc.hasCode()) code.putIfAbsent(acc.codeHash(), s.code(a));
        }
        return new StateChanges(accounts, s.drainChangedStorage(), code);
    }
}
