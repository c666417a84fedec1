package dev.rollupstudio.host;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Hash;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What both views share: the loop thread records each sealed block with a copy of the state after
 * it; readers on other threads look them up in concurrent maps. Blocks older than the memory
 * window are read from the node's archive through the loop thread.
 */
abstract class RecordedChain implements ChainView {
    /** States kept for calls at past blocks, as a full node keeps the latest 128 (Anvil keeps more; so do we). */
    static final int STATES_KEPT = 256;
    /** Blocks kept in memory; older ones come from the archive. */
    static final int BLOCKS_KEPT = 8192;

    protected final Scheduler scheduler;
    private final ConcurrentHashMap<Long, ChainBlock> byNumber = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Hash, Long> numberByHash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Hash, TxLocation> txs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, MutableWorldState> states = new ConcurrentHashMap<>();
    private final List<Consumer<ChainBlock>> blockListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Transaction>> pendingListeners = new CopyOnWriteArrayList<>();
    private final java.math.BigInteger suggestedTip;
    private volatile long head = -1;
    private volatile Heads heads = new Heads(0, 0, 0);
    private volatile java.math.BigInteger nextBaseFee;
    /** Where the host keeps the inputs a revert runs again; null when the devnet cannot revert. */
    private Journal journal;
    /** While the host runs the devnet again to a snapshot, listeners hear nothing: it all happened before. */
    private boolean quiet;

    /** {@code suggestedTip} is what eth_maxPriorityFeePerGas answers on this chain. */
    RecordedChain(Scheduler scheduler, java.math.BigInteger suggestedTip) {
        this.scheduler = scheduler;
        this.suggestedTip = suggestedTip;
    }

    /** An old block from the node's chain or store (loop thread), or null. */
    protected abstract ChainBlock archived(long number);

    void journal(Journal journal) {
        this.journal = journal;
    }

    void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** Loop thread: forgets every recorded block and state, before the view follows a chain built again. */
    protected void reset() {
        byNumber.clear();
        numberByHash.clear();
        txs.clear();
        states.keySet().removeIf(n -> n != head);
        head = -1;
        heads = new Heads(0, 0, 0);
    }

    /** Loop thread: lets go of every kept state but the head's (a dissolved chain's archive). */
    protected void keepOnlyHeadState() {
        states.keySet().removeIf(n -> n != head);
    }

    /** Loop thread: the head's state changed outside a block (a developer's edit); readers of "latest" see it now. */
    protected void restate(MutableWorldState live) {
        MutableWorldState snapshot = live.copy();
        snapshot.root();
        states.put(head, snapshot);
    }

    /**
     * Something from outside the clock that changes the chain: run on the loop thread, and kept
     * in the host's journal (when it has one) so a revert can run it again at the same point.
     */
    protected <T> CompletableFuture<T> input(Supplier<T> action) {
        return onLoop(() -> inputHere(action));
    }

    /** {@link #input} on the calling thread: on the loop thread, or before the loop runs. */
    protected <T> T inputHere(Supplier<T> action) {
        if (journal != null) journal.record(action::get);
        return action.get();
    }

    /** Loop thread: the base fee the next block will charge. */
    protected void nextBaseFee(java.math.BigInteger fee) {
        nextBaseFee = fee;
    }

    @Override public java.math.BigInteger nextBaseFee() {
        return nextBaseFee;
    }

    @Override public java.math.BigInteger suggestedTip() {
        return suggestedTip;
    }

    @Override public long trace(long number, int index, dev.rollupstudio.evm.CallTracer tracer) {
        ChainBlock b = block(number);
        MutableWorldState s = scratch(number - 1);
        if (b == null || s == null) throw new IllegalStateException("the state before block " + number + " is no longer kept (the node keeps the latest 256 blocks' states)");
        // on the EVM's own thread (the block builder hops there, and the tracer is the thread's); nothing there waits for the loop
        return dev.rollupstudio.evm.DeepStack.run(() -> replay(b, s, index, tracer));
    }

    /** Runs {@code b}'s transactions on {@code s} (its parent's state) up to the {@code index}th, that one traced; its gas used. */
    protected abstract long replay(ChainBlock b, MutableWorldState s, int index, dev.rollupstudio.evm.CallTracer tracer);

    /** Loop thread: a new head and the state after it (copied here; the live state moves on). */
    protected void record(ChainBlock b, MutableWorldState live) {
        long n = b.number();
        byNumber.put(n, b);
        numberByHash.put(b.hash(), n);
        MutableWorldState snapshot = live.copy();
        snapshot.root(); // nothing left to hash, so readers on other threads only read it
        states.put(n, snapshot);
        states.remove(n - STATES_KEPT);
        ChainBlock old = byNumber.remove(n - BLOCKS_KEPT);
        if (old != null) {
            numberByHash.remove(old.hash());
            for (Transaction t : old.block().transactions()) txs.remove(t.hash());
        }
        head = n;
        // receipts become visible only once the head includes them, so a client that has one reads "latest" at or past its block
        List<Transaction> list = b.block().transactions();
        for (int i = 0; i < list.size(); i++) txs.put(list.get(i).hash(), new TxLocation(b, i));
        if (!quiet) for (Consumer<ChainBlock> l : blockListeners) l.accept(b);
    }

    /**
     * Loop thread: an L1 reorg replaced recorded block {@code b}'s number with {@code b} (the
     * same state after it): lookups by the old hash fail, its transactions point at the new block,
     * and subscribers hear of it as a new head, as geth's do.
     */
    protected void replace(ChainBlock b) {
        ChainBlock old = byNumber.put(b.number(), b);
        if (old != null) numberByHash.remove(old.hash());
        numberByHash.put(b.hash(), b.number());
        List<Transaction> list = b.block().transactions();
        for (int i = 0; i < list.size(); i++) txs.put(list.get(i).hash(), new TxLocation(b, i));
        if (!quiet) for (Consumer<ChainBlock> l : blockListeners) l.accept(b);
    }

    /** Loop thread: the safe and finalized heads moved. */
    protected void heads(long safe, long finalized) {
        heads = new Heads(head, safe, finalized);
    }

    @Override public Heads heads() {
        Heads h = heads;
        return new Heads(head, Math.min(h.safe(), head), Math.min(h.finalized(), head));
    }

    @Override public ChainBlock block(long number) {
        if (number < 0 || number > head) return null;
        ChainBlock b = byNumber.get(number);
        if (b != null) return b;
        try {
            return onLoop(() -> archived(number)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override public ChainBlock block(Hash hash) {
        Long n = numberByHash.get(hash);
        return n == null ? null : byNumber.get(n);
    }

    @Override public TxLocation transaction(Hash hash) {
        return txs.get(hash);
    }

    @Override public WorldState state(long number) {
        return states.get(number);
    }

    @Override public MutableWorldState scratch(long number) {
        MutableWorldState s = states.get(number);
        return s == null ? null : s.copy();
    }

    /** BLOCKHASH for calls: the 256 blocks before. */
    protected Hash hashOf(long number) {
        ChainBlock b = byNumber.get(number);
        return b == null || number < head - 256 ? Hash.ZERO : b.hash();
    }

    protected BlockEnv envOf(ChainBlock b, dev.rollupstudio.types.Address coinbase, java.math.BigInteger blobBaseFee) {
        var h = b.block().header();
        return new BlockEnv(coinbase, h.number(), h.timestamp(), h.gasLimit(), h.baseFeePerGas(), h.mixHash(), blobBaseFee, chainId(), this::hashOf);
    }

    @Override public Runnable onBlock(Consumer<ChainBlock> listener) {
        blockListeners.add(listener);
        return () -> blockListeners.remove(listener);
    }

    @Override public Runnable onPending(Consumer<Transaction> listener) {
        pendingListeners.add(listener);
        return () -> pendingListeners.remove(listener);
    }

    protected void pooled(Transaction tx) {
        if (!quiet) for (Consumer<Transaction> l : pendingListeners) l.accept(tx);
    }

    /** Runs {@code work} on the loop thread; the future completes with its result or its failure. */
    protected <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        return scheduler.ask(work);
    }
}
