package dev.rollupstudio.host;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.rollup.Sequencer;
import dev.rollupstudio.runtime.rollup.TxPool;
import dev.rollupstudio.runtime.rollup.TxRejection;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.state.StateEdit;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A rollup's view: its sealed (unsafe) blocks, the safe and finalized heads its verifier and proofs give, its pool. */
public final class RollupChainView extends RecordedChain {
    /** op-geth's default smallest suggested priority fee (--gpo.minsuggestedpriorityfee): 0.001 gwei. */
    static final BigInteger SUGGESTED_TIP = BigInteger.valueOf(1_000_000);

    private volatile RollupNode node;
    private volatile dev.rollupstudio.runtime.config.RollupConfig config;
    private final String name;
    /** Null while the rollup lives; once it dissolved, what happened to it and where its state went. */
    private volatile String dissolved;

    /** Call on the loop thread, or before the loop runs: records the node's head and follows it from there. */
    public RollupChainView(RollupNode node, Scheduler scheduler, EventBus events, String name) {
        super(scheduler, SUGGESTED_TIP);
        this.name = name;
        follow(node, events);
    }

    /** Loop thread: follows the same rollup built again (a devnet reverting to a snapshot) from its genesis. */
    void rebind(RollupNode fresh, EventBus events) {
        reset();
        follow(fresh, events);
    }

    private void follow(RollupNode n, EventBus events) {
        this.node = n;
        this.config = n.config();
        onSealed(n.chain().head());
        heads(n.heads().safe(), n.heads().finalized());
        n.onSealed(this::onSealed);
        events.subscribe(e -> {
            if (e instanceof HeadsAdvanced h && node == n) heads(h.safe(), h.finalized());
        });
    }

    /**
     * Loop thread: the rollup dissolved. The view lets go of its node (state, pool, verifier) and
     * keeps, as its archive, the blocks it recorded and the final state; whatever would change the
     * chain is refused with {@code what} from now on.
     */
    void retire(String what) {
        dissolved = what;
        node = null;
        keepOnlyHeadState();
    }

    /** Null while the rollup lives; else what happened to it and where its state went. */
    public String dissolvedBecause() {
        return dissolved;
    }

    /** The node, or the reason it is gone (loop thread). */
    private RollupNode live() {
        RollupNode n = node;
        if (n == null) throw new IllegalStateException(dissolved);
        return n;
    }

    @Override protected ChainBlock archived(long number) {
        RollupNode n = node;
        if (n == null) return null;
        SealedBlock b = n.chain().block(number);
        return b == null ? null : of(b);
    }

    private static ChainBlock of(SealedBlock b) {
        return new ChainBlock(b.block(), b.origin(), b.l1Fees());
    }

    private void onSealed(SealedBlock b) {
        nextBaseFee(Sequencer.nextBaseFee(node.config(), b));
        record(of(b), node.state());
    }

    /** The live node (loop thread); throws once the rollup dissolved. */
    public RollupNode node() {
        return live();
    }

    /** Seals a block as soon as transactions wait (call before the loop runs, or on it). */
    public void automine() {
        inputHere(() -> {
            live().automine();
            return null;
        });
    }

    /** How many blocks and outputs the rollup's verifier derived differently from what was sequenced or proposed. */
    public CompletableFuture<Long> verifierMismatches() {
        return onLoop(() -> live().derivation().mismatches());
    }

    /** The rollup's configuration, for op-node's optimism_rollupConfig. */
    public dev.rollupstudio.runtime.config.RollupConfig config() {
        return config;
    }

    @Override public long chainId() {
        return config.chainId();
    }

    @Override public String name() {
        return name;
    }

    @Override public boolean isRollup() {
        return true;
    }

    @Override public BlockEnv env(long number) {
        ChainBlock b = block(number);
        return b == null ? null : envOf(b, b.block().header().coinbase(), BigInteger.ONE);
    }

    @Override public Map<Address, NativeContract> natives() {
        return dev.rollupstudio.runtime.rollup.Predeploys.natives();
    }

    @Override public long gasLimit() {
        return config.gasLimit();
    }

    @Override public CompletableFuture<Submitted> submit(Transaction tx) {
        tx.fastLzLength(); // the data-fee input, off the loop thread (the sender was recovered by the caller)
        long wall = WallClock.nanos();
        return input(() -> {
            RollupNode node = this.node;
            if (node == null) return Submitted.refused(tx.hash(), "DISSOLVED", dissolved);
            if (node.isStopped()) return Submitted.refused(tx.hash(), "REMOVED", "rollup " + chainId() + " was removed from the devnet");
            TxRejection r = node.submit(tx, wall);
            if (r != null) return Submitted.refused(tx.hash(), r.reason().name(), r.message());
            pooled(tx);
            return Submitted.pooled(tx.hash());
        });
    }

    @Override protected long replay(ChainBlock b, dev.rollupstudio.state.MutableWorldState s, int index, dev.rollupstudio.evm.CallTracer tracer) {
        var h = b.block().header();
        var builder = new dev.rollupstudio.runtime.rollup.BlockBuilder(config, s, new dev.rollupstudio.runtime.rollup.BlockContext(
                b.number(), h.parentHash(), h.timestamp() * 1000, h.baseFeePerGas(), h.gasLimit(), b.origin(), h.coinbase()));
        List<Transaction> txs = b.block().transactions();
        for (int i = 0; i < index; i++) builder.apply(txs.get(i));
        long before = builder.gasUsed();
        String err = dev.rollupstudio.evm.Evm.traced(tracer, () -> builder.apply(txs.get(index)));
        if (err != null) throw new IllegalStateException("the transaction did not apply again: " + err);
        return builder.gasUsed() - before;
    }

    @Override public CompletableFuture<Long> pendingNonce(Address sender) {
        return onLoop(() -> live().pool().pendingNonce(sender, live().state()));
    }

    @Override public CompletableFuture<PoolContent> pool() {
        return onLoop(() -> {
            RollupNode node = live();
            List<Transaction> pending = new ArrayList<>();
            List<Transaction> queued = new ArrayList<>();
            for (TxPool.Entry e : node.pool().entries()) {
                boolean runnable = e.tx().nonce() < node.pool().pendingNonce(e.sender(), node.state());
                (runnable ? pending : queued).add(e.tx());
            }
            return new PoolContent(pending, queued);
        });
    }

    @Override public CompletableFuture<Long> mine() {
        return input(() -> {
            live().mine();
            return live().chain().head().number();
        });
    }

    @Override public CompletableFuture<Void> edit(List<StateEdit> edits) {
        return input(() -> {
            live().edit(edits);
            restate(live().state());
            return null;
        });
    }

    @Override public CompletableFuture<Long> shiftTime(long seconds) {
        return input(() -> live().sequencer().shiftTime(Math.multiplyExact(seconds, 1000)) / 1000);
    }

    @Override public CompletableFuture<Void> nextTimestamp(long seconds) {
        return input(() -> {
            live().sequencer().nextTimestamp(Math.multiplyExact(seconds, 1000));
            return null;
        });
    }
}
