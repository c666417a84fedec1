package dev.rollupstudio.host;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Bloom;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded L1's view: its blocks shown as Ethereum blocks (the roots computed from their
 * transactions and receipts; the hash is the embedded L1's own), its state, its waiting transactions.
 */
public final class L1ChainView extends RecordedChain {
    /** Anvil's and geth's dev answer to eth_maxPriorityFeePerGas: 1 gwei. */
    static final BigInteger SUGGESTED_TIP = BigInteger.valueOf(1_000_000_000);

    private volatile EmbeddedL1 l1;
    private volatile Map<Address, NativeContract> natives;

    /** Call on the loop thread, or before the loop runs. */
    public L1ChainView(EmbeddedL1 l1, Scheduler scheduler) {
        super(scheduler, SUGGESTED_TIP);
        follow(l1);
    }

    /** Loop thread: follows the L1 built again (a devnet reverting to a snapshot) from its genesis. */
    void rebind(EmbeddedL1 fresh) {
        reset();
        follow(fresh);
    }

    private void follow(EmbeddedL1 embedded) {
        this.l1 = embedded;
        this.natives = Map.copyOf(embedded.natives());
        onL1Block(embedded.head());
        embedded.onBlock(this::onL1Block);
        embedded.onReorg(r -> r.replacements().forEach(b -> replace(asBlock(b, embedded.config().gasLimit()))));
    }

    @Override protected ChainBlock archived(long number) {
        L1Block b = l1.block(number);
        return b == null ? null : asBlock(b, l1.config().gasLimit());
    }

    private void onL1Block(L1Block b) {
        nextBaseFee(l1.baseFee());
        record(asBlock(b, l1.config().gasLimit()), l1.state());
        heads(l1.finalizedNumber(), l1.finalizedNumber());
    }

    /** An L1 block in Ethereum's shape. Its gas used counts the modelled background traffic too. */
    static ChainBlock asBlock(L1Block b, long gasLimit) {
        List<byte[]> txs = b.transactions().stream().map(Transaction::encoded).toList();
        List<byte[]> receipts = b.receipts().stream().map(Receipt::encode).toList();
        byte[] bloom = new byte[256];
        for (Receipt r : b.receipts()) Bloom.or(bloom, r.bloom());
        BlockHeader h = new BlockHeader(b.parentHash(), BlockHeader.EMPTY_OMMERS, Address.ZERO, b.stateRoot(), MerklePatriciaTrie.orderedRoot(txs),
                MerklePatriciaTrie.orderedRoot(receipts), bloom, BigInteger.ZERO, b.number(), gasLimit, b.gasUsed(), b.timestampSeconds(), new byte[0],
                b.parentHash(), new byte[8], b.baseFee(), null, null, null, null, null);
        return new ChainBlock(new Block(h, b.hash(), b.transactions(), b.receipts()), null, null);
    }

    @Override public long chainId() {
        return EmbeddedL1.CHAIN_ID;
    }

    @Override public String name() {
        return "L1";
    }

    @Override public boolean isRollup() {
        return false;
    }

    @Override public BlockEnv env(long number) {
        ChainBlock b = block(number);
        return b == null ? null : envOf(b, Address.ZERO, l1.blobBaseFee());
    }

    @Override public Map<Address, NativeContract> natives() {
        return natives;
    }

    @Override public long gasLimit() {
        return l1.config().gasLimit();
    }

    @Override public CompletableFuture<Submitted> submit(Transaction tx) {
        return input(() -> {
            String why = l1.submit(tx);
            if (why != null) return Submitted.refused(tx.hash(), "REFUSED", why);
            pooled(tx);
            return Submitted.pooled(tx.hash());
        });
    }

    @Override protected long replay(ChainBlock b, dev.rollupstudio.state.MutableWorldState s, int index, dev.rollupstudio.evm.CallTracer tracer) {
        BlockEnv env = envOf(b, Address.ZERO, l1.blobBaseFee());
        List<Transaction> txs = b.block().transactions();
        for (int i = 0; i < index; i++) run(s, env, txs.get(i));
        var o = dev.rollupstudio.evm.Evm.traced(tracer, () -> run(s, env, txs.get(index)));
        if (!o.valid()) throw new IllegalStateException("the transaction did not apply again: " + o.invalid());
        return o.gasUsed();
    }

    private dev.rollupstudio.evm.TransactionProcessor.Outcome run(dev.rollupstudio.state.MutableWorldState s, BlockEnv env, Transaction tx) {
        return dev.rollupstudio.evm.TransactionProcessor.process(s, env, dev.rollupstudio.evm.EvmTransaction.of(tx),
                dev.rollupstudio.evm.TransactionProcessor.Fees.ETHEREUM, natives);
    }

    @Override public CompletableFuture<Long> pendingNonce(Address sender) {
        return onLoop(() -> l1.pendingNonce(sender));
    }

    @Override public CompletableFuture<PoolContent> pool() {
        return onLoop(() -> new PoolContent(l1.pendingTransactions(), List.of()));
    }

    @Override public CompletableFuture<Void> edit(List<dev.rollupstudio.state.StateEdit> edits) {
        return input(() -> {
            l1.edit(edits);
            restate(l1.state());
            return null;
        });
    }

    @Override public CompletableFuture<Long> shiftTime(long seconds) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(FIXED_CLOCK));
    }

    @Override public CompletableFuture<Void> nextTimestamp(long seconds) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(FIXED_CLOCK));
    }

    /** Rollups take their L1 origins by timestamp; an L1 running ahead of its slots would stall them. */
    private static final String FIXED_CLOCK = "the L1's blocks keep the devnet's slot clock; move time on a rollup's endpoint, where contracts run";

    @Override public CompletableFuture<Long> mine() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "the L1 seals a block every slot (" + l1.config().slotMillis() / 1000.0 + " s); evm_mine works on the rollups"));
    }
}
