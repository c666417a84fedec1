package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import java.util.HashMap;
import java.util.Map;

/** ETH balances on the embedded L1, including what the bridge holds for each rollup. */
public final class L1Ledger {
    private final Map<Address, Wei> balances = new HashMap<>();
    private final Map<Long, Wei> locked = new HashMap<>();

    public Wei balance(Address a) {
        return balances.getOrDefault(a, Wei.ZERO);
    }

    public void credit(Address a, Wei v) {
        balances.merge(a, v, Wei::add);
    }

    public void debit(Address a, Wei v) {
        Wei b = balance(a);
        if (b.compareTo(v) < 0) throw new IllegalArgumentException("L1 account " + a + " has " + b + ", cannot send " + v);
        balances.put(a, b.subtract(v));
    }

    public Wei locked(long chainId) {
        return locked.getOrDefault(chainId, Wei.ZERO);
    }

    void lock(long chainId, Wei v) {
        locked.merge(chainId, v, Wei::add);
    }

    void unlock(long chainId, Wei v) {
        Wei l = locked(chainId);
        if (l.compareTo(v) < 0) throw new IllegalStateException("bridge of chain " + chainId + " holds less than " + v);
        locked.put(chainId, l.subtract(v));
    }

    public Map<Address, Wei> balances() {
        return Map.copyOf(balances);
    }
}
