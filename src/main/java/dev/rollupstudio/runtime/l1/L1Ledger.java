package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;

/**
 * ETH on the embedded L1, read from and written to its world state. What the bridge holds for a
 * rollup is its portal's balance: deposits pay into it, finalised withdrawals pay out of it.
 */
public final class L1Ledger {
    private final MutableWorldState state;

    L1Ledger(MutableWorldState state) {
        this.state = state;
    }

    public Wei balance(Address a) {
        return state.balance(a);
    }

    public void credit(Address a, Wei v) {
        state.setBalance(a, state.balance(a).add(v));
    }

    public void debit(Address a, Wei v) {
        Wei b = balance(a);
        if (b.compareTo(v) < 0) throw new IllegalArgumentException("L1 account " + a + " has " + b + ", cannot send " + v);
        state.setBalance(a, b.subtract(v));
    }

    public Wei locked(long chainId) {
        return balance(SystemContracts.portal(chainId));
    }

    void lock(long chainId, Wei v) {
        credit(SystemContracts.portal(chainId), v);
    }

    void unlock(long chainId, Wei v) {
        Wei l = locked(chainId);
        if (l.compareTo(v) < 0) throw new IllegalStateException("bridge of chain " + chainId + " holds less than " + v);
        debit(SystemContracts.portal(chainId), v);
    }
}
