package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.Map;

/** Read-only view of the accounts, their code and storage, and the state root that commits to them. */
public interface WorldState {

    /** The account, or {@link Account#EMPTY} if it does not exist. */
    Account account(Address address);

    /** The account's code; the array is shared with the state (and cached analyses of it): never modify it. */
    byte[] code(Address address);

    BigInteger storage(Address address, Hash slot);

    /** A snapshot of one account's storage trie (O(1)); later writes do not change it. For Merkle proofs. */
    dev.rollupstudio.chain.trie.MerklePatriciaTrie storageTrie(Address address);

    /** The Merkle Patricia root over all accounts (secure trie keyed by keccak(address)). */
    Hash root();

    /** Every existing account; for persistence and audits, not for hot paths. */
    Map<Address, Account> accounts();

    /** The account trie's nodes on the path to {@code address} (EIP-1186's accountProof). */
    default java.util.List<byte[]> accountProof(Address address) {
        throw new UnsupportedOperationException("this world state keeps no account trie");
    }

    default Wei balance(Address address) {
        return account(address).balance();
    }

    default long nonce(Address address) {
        return account(address).nonce();
    }

    default boolean hasCode(Address address) {
        return account(address).hasCode();
    }
}
