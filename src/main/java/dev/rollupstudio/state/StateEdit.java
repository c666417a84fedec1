package dev.rollupstudio.state;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;

/**
 * A change a developer makes to a chain's state outside any transaction, as Anvil's and
 * Hardhat's set-methods do. Devnet only: no real chain has them, so a node derives them from no data.
 */
public sealed interface StateEdit {
    void apply(MutableWorldState state);

    /** The account it changes. */
    Address address();

    record Balance(Address address, Wei balance) implements StateEdit {
        @Override public void apply(MutableWorldState s) {
            s.setBalance(address, balance);
        }
    }

    record Nonce(Address address, long nonce) implements StateEdit {
        @Override public void apply(MutableWorldState s) {
            s.setNonce(address, nonce);
        }
    }

    record Code(Address address, byte[] code) implements StateEdit {
        @Override public void apply(MutableWorldState s) {
            s.setCode(address, code); // the state keeps its own copy
        }
    }

    record Storage(Address address, Hash slot, BigInteger value) implements StateEdit {
        @Override public void apply(MutableWorldState s) {
            s.setStorage(address, slot, value);
        }
    }
}
