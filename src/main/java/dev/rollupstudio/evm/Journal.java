package dev.rollupstudio.evm;

import dev.rollupstudio.chain.Log;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction's world state and substate behind nested checkpoints: a call that reverts or
 * fails undoes exactly its changes to accounts and storage (through the state's own
 * checkpoints) and to the substate kept here (warm addresses and slots, transient storage, logs,
 * the refund counter, self-destructs and created accounts).
 */
public final class Journal {
    /** A storage slot of an account. */
    record Slot(Address address, Word key) {}

    private final MutableWorldState state;
    private final Set<Address> warmAddresses = new HashSet<>();
    private final Set<Slot> warmSlots = new HashSet<>();
    private final Map<Slot, Word> original = new HashMap<>();
    private final Map<Slot, Word> transientStorage = new HashMap<>();
    private final List<Log> logs = new ArrayList<>();
    private final Set<Address> selfDestructs = new LinkedHashSet<>();
    private final Set<Address> created = new HashSet<>();
    private long refund;
    private final List<Runnable> undo = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();

    public Journal(MutableWorldState state) {
        this.state = state;
    }

    public MutableWorldState state() {
        return state;
    }

    public void checkpoint() {
        state.checkpoint();
        marks.add(undo.size());
    }

    public void revert() {
        int mark = marks.remove(marks.size() - 1);
        for (int i = undo.size() - 1; i >= mark; i--) undo.remove(i).run();
        state.revert();
    }

    public void commit() {
        marks.remove(marks.size() - 1);
        state.commit();
        if (marks.isEmpty()) undo.clear();
    }

    // --- warm and cold (EIP-2929) -----------------------------------------------------------------

    /** Marks the address warm; true if it was cold. */
    public boolean warm(Address a) {
        if (!warmAddresses.add(a)) return false;
        undo.add(() -> warmAddresses.remove(a));
        return true;
    }

    public boolean isWarm(Address a) {
        return warmAddresses.contains(a);
    }

    /** Marks the slot warm; true if it was cold. */
    public boolean warm(Address a, Word key) {
        Slot s = new Slot(a, key);
        if (!warmSlots.add(s)) return false;
        undo.add(() -> warmSlots.remove(s));
        return true;
    }

    // --- storage ------------------------------------------------------------------------------------

    public Word storage(Address a, Word key) {
        BigInteger v = state.storage(a, Hash.wrap(key.toBytes()));
        return v.signum() == 0 ? Word.ZERO : Word.of(v);
    }

    /** The slot's value when the transaction began (EIP-2200), read on first touch. */
    public Word originalStorage(Address a, Word key) {
        return original.computeIfAbsent(new Slot(a, key), s -> storage(a, key));
    }

    public void setStorage(Address a, Word key, Word value) {
        originalStorage(a, key);
        state.setStorage(a, Hash.wrap(key.toBytes()), value.toBigInteger());
    }

    public Word transientStorage(Address a, Word key) {
        return transientStorage.getOrDefault(new Slot(a, key), Word.ZERO);
    }

    public void setTransientStorage(Address a, Word key, Word value) {
        Slot s = new Slot(a, key);
        Word before = transientStorage.put(s, value);
        undo.add(() -> {
            if (before == null) transientStorage.remove(s); else transientStorage.put(s, before);
        });
    }

    // --- substate ----------------------------------------------------------------------------------

    public void log(Log l) {
        logs.add(l);
        undo.add(() -> logs.remove(logs.size() - 1));
    }

    public List<Log> logs() {
        return logs;
    }

    public void addRefund(long gas) {
        refund += gas;
        undo.add(() -> refund -= gas);
    }

    public long refund() {
        return refund;
    }

    public void selfDestruct(Address a) {
        if (selfDestructs.add(a)) undo.add(() -> selfDestructs.remove(a));
    }

    public Set<Address> selfDestructs() {
        return selfDestructs;
    }

    public void created(Address a) {
        if (created.add(a)) undo.add(() -> created.remove(a));
    }

    /** Whether the account was created in this transaction (EIP-6780: only then does SELFDESTRUCT delete it). */
    public boolean isCreated(Address a) {
        return created.contains(a);
    }

}
