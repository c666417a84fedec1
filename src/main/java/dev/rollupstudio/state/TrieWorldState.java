package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * World state in memory: accounts in a map, committed to a secure Merkle Patricia trie lazily,
 * so a block that touches k accounts re-hashes k paths once, at {@link #root()}.
 */
public final class TrieWorldState implements MutableWorldState {
    // Shared with copies bucket by bucket: a chain keeps a copy per recent block (see SharedBucketMap)
    private SharedBucketMap<Address, Account> accounts;
    private SharedBucketMap<Address, MerklePatriciaTrie> storage;
    private SharedBucketMap<Hash, byte[]> code;
    private SharedBucketMap<Address, byte[]> trieKeys;
    /** Storage tries this state alone holds; any other is shared with a copy and copied (O(1)) before a write. */
    private Set<Address> ownTries = new HashSet<>();
    private MerklePatriciaTrie trie;
    private Set<Address> dirtyForRoot;
    private Set<Address> changed;
    private Map<Address, Map<Hash, BigInteger>> changedSlots = new HashMap<>();
    /**
     * Accounts whose storage trie changed since their storage root was last computed: the root is
     * recomputed when the account is next read (or at {@link #root()}), not on every write, so a
     * contract that writes many slots in a block hashes its storage trie once.
     */
    private final Set<Address> staleStorageRoot = new HashSet<>();
    /** Per open checkpoint, each address's state before its first write since: undo information. */
    private final Deque<Map<Address, Before>> journal = new ArrayDeque<>();

    /**
     * An account and its storage trie (an O(1) snapshot) before the checkpoint, whether it had
     * not-yet-drained slot writes, and the earlier value of each such write changed since (per
     * slot, so a transaction's checkpoint costs what it writes, not what the block wrote before it).
     */
    private record Before(Account account, MerklePatriciaTrie storage, boolean hadSlots, Map<Hash, BigInteger> slotsBefore) {}

    private static final byte[] NO_CODE = new byte[0];

    /** In {@link Before#slotsBefore}: the slot had no pending write. Compared by identity. */
    private static final BigInteger NO_WRITE = new BigInteger("-1");

    public TrieWorldState() {
        this(new SharedBucketMap<>(), new SharedBucketMap<>(), new SharedBucketMap<>(), new SharedBucketMap<>(), new MerklePatriciaTrie(),
                new HashSet<>(), new LinkedHashSet<>());
    }

    private TrieWorldState(SharedBucketMap<Address, Account> accounts, SharedBucketMap<Address, MerklePatriciaTrie> storage,
                           SharedBucketMap<Hash, byte[]> code, SharedBucketMap<Address, byte[]> trieKeys, MerklePatriciaTrie trie,
                           Set<Address> dirty, Set<Address> changed) {
        this.accounts = accounts;
        this.storage = storage;
        this.code = code;
        this.trieKeys = trieKeys;
        this.trie = trie;
        this.dirtyForRoot = dirty;
        this.changed = changed;
    }

    @Override public Account account(Address address) {
        if (!staleStorageRoot.isEmpty() && staleStorageRoot.remove(address)) refreshStorageRoot(address);
        return accounts.getOrDefault(address, Account.EMPTY);
    }

    // Balance, nonce and code never need the storage root: reading them leaves a stale root stale,
    // so a contract called by every transaction of a block has its storage trie hashed once.
    @Override public Wei balance(Address address) {
        return accounts.getOrDefault(address, Account.EMPTY).balance();
    }

    @Override public long nonce(Address address) {
        return accounts.getOrDefault(address, Account.EMPTY).nonce();
    }

    @Override public boolean hasCode(Address address) {
        return accounts.getOrDefault(address, Account.EMPTY).hasCode();
    }

    private void refreshStorageRoot(Address address) {
        Account a = accounts.get(address);
        if (a == null) return;
        MerklePatriciaTrie t = storage.get(address);
        accounts.put(address, a.withStorageRoot(t == null ? MerklePatriciaTrie.EMPTY_ROOT : t.rootHash()));
    }

    private void refreshStorageRoots() {
        for (Address a : staleStorageRoot) refreshStorageRoot(a);
        staleStorageRoot.clear();
    }

    @Override public byte[] code(Address address) {
        byte[] c = code.get(accounts.getOrDefault(address, Account.EMPTY).codeHash());
        return c == null ? NO_CODE : c; // shared, not copied: a call's code is read, never written
    }

    @Override public BigInteger storage(Address address, Hash slot) {
        MerklePatriciaTrie t = storage.get(address);
        byte[] v = t == null ? null : t.get(Keccak.digest(slot.raw()));
        return v == null ? BigInteger.ZERO : Rlp.decode(v).bigInt();
    }

    @Override public MerklePatriciaTrie storageTrie(Address address) {
        MerklePatriciaTrie t = storage.get(address);
        return t == null ? new MerklePatriciaTrie() : t.copy();
    }

    @Override public Hash root() {
        refreshStorageRoots();
        for (Address a : dirtyForRoot) {
            byte[] key = trieKeys.computeIfAbsent(a, x -> Keccak.digest(x.raw()));
            Account acc = accounts.get(a);
            if (acc == null) {
                trie.delete(key);
            } else {
                trie.put(key, acc.encode());
            }
        }
        dirtyForRoot.clear();
        return trie.rootHash();
    }

    @Override public java.util.List<byte[]> accountProof(Address address) {
        root();
        return trie.proof(Keccak.digest(address.raw()));
    }

    @Override public Map<Address, Account> accounts() {
        root();
        return Map.copyOf(accounts.toMap());
    }

    @Override public void setBalance(Address address, Wei balance) {
        write(address, account(address).withBalance(balance));
    }

    @Override public void setNonce(Address address, long nonce) {
        write(address, account(address).withNonce(nonce));
    }

    @Override public void setCode(Address address, byte[] bytes) {
        Hash h = Keccak.hash(bytes);
        code.put(h, bytes.clone());
        Account a = account(address);
        write(address, new Account(a.nonce(), a.balance(), a.storageRoot(), h));
    }

    @Override public void setStorage(Address address, Hash slot, BigInteger value) {
        remember(address);
        MerklePatriciaTrie t = writableTrie(address);
        t.put(Keccak.digest(slot.raw()), value.signum() == 0 ? new byte[0] : Rlp.encodeBigInt(value));
        BigInteger earlier = changedSlots.computeIfAbsent(address, x -> new HashMap<>()).put(slot, value);
        Map<Address, Before> top = journal.peek();
        if (top != null) top.get(address).slotsBefore().putIfAbsent(slot, earlier == null ? NO_WRITE : earlier);
        write(address, accounts.getOrDefault(address, Account.EMPTY)); // its storage root is refreshed when next read
        staleStorageRoot.add(address);
    }

    @Override public void removeIfEmpty(Address address) {
        remember(address);
        account(address); // its storage root, if stale
        Account a = accounts.get(address);
        if (a != null && a.isEmpty() && a.storageRoot().equals(MerklePatriciaTrie.EMPTY_ROOT)) {
            accounts.remove(address);
            dirtyForRoot.add(address);
            changed.add(address);
        }
    }

    @Override public void delete(Address address) {
        remember(address);
        staleStorageRoot.remove(address);
        if (accounts.remove(address) != null) {
            dirtyForRoot.add(address);
            changed.add(address);
        }
        storage.remove(address);
        ownTries.remove(address);
        forgetSlots(address);
    }

    private MerklePatriciaTrie writableTrie(Address address) {
        MerklePatriciaTrie t = storage.get(address);
        if (t != null && ownTries.contains(address)) return t;
        t = t == null ? new MerklePatriciaTrie() : t.copy();
        storage.put(address, t);
        ownTries.add(address);
        return t;
    }

    @Override public void clearStorage(Address address) {
        remember(address);
        staleStorageRoot.remove(address);
        ownTries.remove(address);
        if (storage.remove(address) == null) return;
        forgetSlots(address);
        Account a = accounts.get(address);
        if (a != null) write(address, a.withStorageRoot(MerklePatriciaTrie.EMPTY_ROOT));
    }

    private void write(Address address, Account account) {
        remember(address);
        accounts.put(address, account);
        dirtyForRoot.add(address);
        changed.add(address);
    }

    @Override public Set<Address> drainChanged() {
        Set<Address> out = changed;
        changed = new LinkedHashSet<>();
        return out;
    }

    @Override public Map<Address, Map<Hash, BigInteger>> drainChangedStorage() {
        Map<Address, Map<Hash, BigInteger>> out = changedSlots;
        changedSlots = new HashMap<>();
        return out;
    }

    @Override public void checkpoint() {
        journal.push(new HashMap<>());
    }

    @Override public void revert() {
        journal.pop().forEach((address, before) -> {
            if (before.account() == null) accounts.remove(address); else accounts.put(address, before.account());
            // the journal's trie snapshot is held by nothing else (a copy taken since holds the trie of its time)
            if (before.storage() == null) storage.remove(address); else storage.put(address, before.storage());
            if (before.storage() == null) ownTries.remove(address); else ownTries.add(address);
            Map<Hash, BigInteger> slots = changedSlots.computeIfAbsent(address, x -> new HashMap<>());
            before.slotsBefore().forEach((slot, v) -> {
                if (v == NO_WRITE) slots.remove(slot); else slots.put(slot, v);
            });
            if (!before.hadSlots()) changedSlots.remove(address);
            staleStorageRoot.add(address); // the restored account and trie: its root is recomputed from the trie
            dirtyForRoot.add(address);
            changed.add(address);
        });
    }

    @Override public void commit() {
        Map<Address, Before> inner = journal.pop();
        Map<Address, Before> outer = journal.peek();
        if (outer == null) return;
        inner.forEach((address, before) -> { // the outer checkpoint keeps the oldest values
            Before kept = outer.putIfAbsent(address, before);
            if (kept != null) before.slotsBefore().forEach(kept.slotsBefore()::putIfAbsent);
        });
    }

    private void remember(Address address) {
        Map<Address, Before> top = journal.peek();
        if (top == null || top.containsKey(address)) return;
        MerklePatriciaTrie t = storage.get(address);
        top.put(address, new Before(accounts.get(address), t == null ? null : t.copy(), changedSlots.containsKey(address), new HashMap<>()));
    }

    /** Drops an account's pending slot writes (its storage is gone), keeping what a revert needs to bring them back. */
    private void forgetSlots(Address address) {
        Map<Hash, BigInteger> slots = changedSlots.remove(address);
        Map<Address, Before> top = journal.peek();
        if (slots != null && top != null) slots.forEach(top.get(address).slotsBefore()::putIfAbsent);
    }

    /** What this state wrote since its last drain is forgotten: whoever persists it writes what differs (see the verifier's store). */
    @Override public void restore(MutableWorldState snapshot) {
        if (!journal.isEmpty()) throw new IllegalStateException("restore inside an open checkpoint");
        TrieWorldState s = (TrieWorldState) snapshot;
        s.refreshStorageRoots();
        accounts = s.accounts;
        storage = s.storage;
        code = s.code;
        trieKeys = s.trieKeys;
        ownTries = s.ownTries;
        trie = s.trie;
        dirtyForRoot = s.dirtyForRoot;
        changed = new LinkedHashSet<>();
        changedSlots = new HashMap<>();
        staleStorageRoot.clear();
    }

    @Override public TrieWorldState copy() {
        refreshStorageRoots();
        ownTries = new HashSet<>(); // from now on shared with the copy
        return new TrieWorldState(accounts.copy(), storage.copy(), code.copy(), trieKeys.copy(), trie.copy(),
                new HashSet<>(dirtyForRoot), new LinkedHashSet<>());
    }
}
