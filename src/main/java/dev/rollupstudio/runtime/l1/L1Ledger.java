package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** ETH balances on the embedded L1, including what the bridge holds for each rollup. */
public final class L1Ledger {
    private final Map<Address, BigInteger> balances = new HashMap<>();
    private final Map<Long, BigInteger> locked = new HashMap<>();

    public BigInteger balance(Address a) {
        return balances.getOrDefault(a, BigInteger.ZERO);
    }

    public void credit(Address a, BigInteger v) {
        balances.merge(a, v, BigInteger::add);
    }

    public void debit(Address a, BigInteger v) {
        BigInteger b = balance(a);
        if (b.compareTo(v) < 0) throw new IllegalArgumentException("L1 account " + a + " has " + b + " wei, cannot send " + v);
        balances.put(a, b.subtract(v));
    }

    public BigInteger locked(long chainId) {
        return locked.getOrDefault(chainId, BigInteger.ZERO);
    }

    void lock(long chainId, BigInteger v) {
        locked.merge(chainId, v, BigInteger::add);
    }

    void unlock(long chainId, BigInteger v) {
        BigInteger l = locked(chainId);
        if (l.compareTo(v) < 0) throw new IllegalStateException("bridge of chain " + chainId + " holds less than " + v);
        locked.put(chainId, l.subtract(v));
    }

    public Map<Address, BigInteger> balances() {
        return Map.copyOf(balances);
    }
}
