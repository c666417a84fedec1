package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.Set;

/** The writable twin of {@link WorldState}; owned by one thread (the rollup's scheduler). */
public interface MutableWorldState extends WorldState {

    void setBalance(Address address, Wei balance);

    void setNonce(Address address, long nonce);

    void setCode(Address address, byte[] code);

    void setStorage(Address address, Hash slot, BigInteger value);

    /** EIP-161: a touched account with no nonce, balance, code or storage is deleted. */
    void removeIfEmpty(Address address);

    /** Deletes the account with its code and storage (SELFDESTRUCT of an account created in the same transaction). */
    void delete(Address address);

    /** Empties the account's storage, keeping the account (a CREATE onto an address that somehow has storage). */
    void clearStorage(Address address);

    default void addBalance(Address address, Wei amount) {
        setBalance(address, balance(address).add(amount));
    }

    default void subtractBalance(Address address, Wei amount) {
        Wei b = balance(address);
        if (b.compareTo(amount) < 0) throw new IllegalStateException("balance of " + address + " would go negative");
        setBalance(address, b.subtract(amount));
    }

    /** Addresses written since the last call, then forgotten: what a block must persist. */
    Set<Address> drainChanged();

    /** Storage slots written since the last call (with their new values), then forgotten. */
    java.util.Map<Address, java.util.Map<Hash, BigInteger>> drainChangedStorage();

    /**
     * The same accounts, code and storage, independent from now on. The copy starts with nothing to
     * drain: what was written before is reported by this state, which wrote it.
     */
    MutableWorldState copy();

    /** Becomes {@code snapshot} (a copy of this state taken earlier, itself not used after): an L1 reorg takes a verifier back. */
    void restore(MutableWorldState snapshot);

    /**
     * Marks a point to return to: {@link #revert()} undoes every write since it, {@link #commit()}
     * keeps them. Checkpoints nest; each revert or commit closes the innermost. A block that fails
     * halfway, or (with the EVM) a call that reverts, leaves the state as it was.
     */
    void checkpoint();

    void revert();

    void commit();
}
