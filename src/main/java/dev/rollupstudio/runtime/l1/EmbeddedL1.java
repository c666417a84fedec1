package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.runtime.config.BlobSchedule;
import dev.rollupstudio.runtime.config.L1Config;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.L1BlockSealed;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The settlement layer: an EVM chain (chain id 900) with a block every slot, its own EIP-1559 and
 * blob fee markets and finality two epochs back. Signed user transactions run in our EVM against
 * its world state; each rollup has a deposit portal and an output oracle there (native behind OP
 * Stack's ABIs, {@link SystemContracts}). Batcher transactions compete for the blob (or gas)
 * space other users leave; what does not fit waits a slot. Other users' traffic is a modelled
 * share of each block's gas and blobs, not transactions.
 */
public final class EmbeddedL1 {
    /** Among tasks due at the same instant, L1 slots run before L2 blocks. */
    public static final int PRIORITY = 0;
    /** The embedded L1's chain id, as OP Stack devnets number their L1. */
    public static final long CHAIN_ID = 900;

    private final L1Config config;
    private final Scheduler scheduler;
    private final EventBus events;
    private final long seed;
    private final BlobFeeMarket blobMarket;
    private boolean congested;
    private final L1Execution execution = new L1Execution();
    private final L1Ledger ledger = new L1Ledger(execution.state());
    private final Referee referee = new Referee();
    private final Disputes disputes = new Disputes(ledger, referee);
    private final ValidityProofs proofs = new ValidityProofs(referee);
    private final ParameterChanges parameters = new ParameterChanges();
    private BigInteger epochFees = BigInteger.ZERO;
    private final List<L1Block> blocks = new ArrayList<>();
    private final Deque<Pending<BatcherTx>> batchQueue = new ArrayDeque<>();
    private final List<Pending<OutputProposal>> outputQueue = new ArrayList<>();
    private final List<OutputProposal> oracle = new ArrayList<>();
    private final List<Consumer<L1Block>> listeners = new ArrayList<>();
    private final List<Consumer<Reorg>> reorgListeners = new ArrayList<>();
    /** The batcher transactions of the blocks above the finalized one, with their callbacks: a reorg sends a replaced block's back to the queue. */
    private final java.util.TreeMap<Long, List<Pending<BatcherTx>>> unfinalizedBatches = new java.util.TreeMap<>();
    private int forks;
    private BigInteger nextBaseFee;
    private long finalized;

    private record Pending<T>(T item, Consumer<T> onIncluded) {}

    /** A reorg: the blocks from {@code fromNumber} on were replaced; the batcher transactions they carried went back to the queue. */
    public record Reorg(long fromNumber, List<L1Block> orphaned, List<L1Block> replacements, List<BatcherTx> requeued) {}

    /** An L1 whose block 0 is at {@code genesisMillis}; the same seed and time give the same chain. */
    public EmbeddedL1(L1Config config, Scheduler scheduler, EventBus events, long seed, long genesisMillis) {
        this.config = config;
        this.scheduler = scheduler;
        this.events = events;
        this.seed = seed;
        this.blobMarket = new BlobFeeMarket(config.blobs(), 0);
        this.nextBaseFee = config.initialBaseFee();
        Hash genesisHash = Keccak.hash(Rlp.encodeList(Rlp.encodeLong(seed), Rlp.encodeLong(genesisMillis)));
        blocks.add(new L1Block(0, genesisHash, Hash.ZERO, genesisMillis, nextBaseFee, blobMarket.blobBaseFee(), 0, 0, List.of(), List.of(), List.of(),
                Hash.ZERO, List.of(), List.of(), SettlementLog.EMPTY));
    }

    /**
     * Resumes from stored state: the blocks after genesis and the fee markets after the last one.
     * The world state is rebuilt by running each stored block again over the genesis allocation:
     * its transactions (deposits and withdrawal payouts among them), its outputs, and its
     * settlement (challenges, proofs and the referee's answers from its log), so every bond,
     * deleted output and verified proof comes back as it was live.
     */
    public void restore(List<L1Block> stored, long excessBlobGas, BigInteger baseFee, long finalizedNumber) {
        blocks.subList(1, blocks.size()).clear();
        referee.replaying(true);
        try {
            for (L1Block b : stored) {
                execution.replay(env(b), b.transactions());
                parameters.record(b.number(), b.receipts());
                include(b.outputs(), b.timestampMillis());
                SettlementLog log = b.settlement();
                log.challenges().forEach(c -> disputes.challenge(c.chainId(), c.outputIndex(), c.challenger()));
                log.proofs().forEach(proofs::submit);
                referee.learn(log.answers());
                settle(b.timestampMillis());
                endOfBlock(b.number(), b.receipts());
                blocks.add(b);
            }
        } finally {
            referee.replaying(false);
        }
        blobMarket.restore(excessBlobGas);
        if (baseFee != null) nextBaseFee = baseFee;
        finalized = finalizedNumber;
    }

    /** Outputs a block includes: into the oracle, with their proposers' bonds. */
    private void include(List<OutputProposal> outputs, long timeMillis) {
        for (OutputProposal o : outputs) {
            oracle.add(o);
            record(o);
            disputes.proposed(o, timeMillis);
        }
    }

    /** A block's dispute games and proof verifications; what they took in, for the block's log. */
    private SettlementLog settle(long timeMillis) {
        disputes.onBlock(timeMillis, outputLookup);
        proofs.onBlock(timeMillis, execution.state(), outputLookup);
        return new SettlementLog(disputes.taken(), proofs.taken(), referee.drain());
    }

    public void start() {
        long next = head().timestampMillis() + config.slotMillis();
        scheduler.every(next, config.slotMillis(), PRIORITY, this::buildBlock);
    }

    /** Adds a listener for each new block (loop thread); returns the action that removes it. */
    public Runnable onBlock(Consumer<L1Block> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Adds a listener for each reorg (loop thread), told after the blocks were replaced; returns the action that removes it. */
    public Runnable onReorg(Consumer<Reorg> listener) {
        reorgListeners.add(listener);
        return () -> reorgListeners.remove(listener);
    }

    public void submitBatch(BatcherTx tx, Consumer<BatcherTx> onIncluded) {
        batchQueue.add(new Pending<>(tx, onIncluded));
    }

    public void proposeOutput(long chainId, long l2Block, Hash outputRoot, Consumer<OutputProposal> onIncluded) {
        outputQueue.add(new Pending<>(new OutputProposal(chainId, -1, l2Block, outputRoot, -1, -1), onIncluded));
    }

    /** Queues a signed L1 transaction for the next blocks; null, or why it is refused. */
    public String submit(dev.rollupstudio.chain.Transaction tx) {
        return execution.submit(tx);
    }

    /** The nonce a sender's next L1 transaction takes, counting those queued. */
    public long pendingNonce(Address sender) {
        return execution.pendingNonce(sender);
    }

    /** The user transactions waiting for a block, in the order they came (loop thread). */
    public List<dev.rollupstudio.chain.Transaction> pendingTransactions() {
        return execution.pending();
    }

    /** Why a submitted L1 transaction was dropped instead of included, or null. */
    public String droppedReason(Hash tx) {
        return execution.droppedReason(tx);
    }

    /** A developer's edits to the L1 state (anvil_setBalance and kin; loop thread); the next block's state root includes them. */
    public void edit(List<dev.rollupstudio.state.StateEdit> edits) {
        for (var e : edits) e.apply(execution.state());
    }

    /** The L1 world state (read it on the loop thread). */
    public dev.rollupstudio.state.MutableWorldState state() {
        return execution.state();
    }

    /** The rollups' contracts that run natively on this chain, for read-only calls. */
    public java.util.Map<Address, dev.rollupstudio.evm.NativeContract> natives() {
        return execution.system().natives();
    }

    /** What a read-only call at the head sees of the block environment. */
    public dev.rollupstudio.evm.BlockEnv headEnv() {
        L1Block h = head();
        return L1Execution.env(h.number(), h.timestampMillis(), config.gasLimit(), h.baseFee(), h.blobBaseFee(), h.parentHash(), this::hashOf);
    }

    private dev.rollupstudio.evm.BlockEnv env(L1Block b) {
        return L1Execution.env(b.number(), b.timestampMillis(), config.gasLimit(), b.baseFee(), b.blobBaseFee(), b.parentHash(), this::hashOf);
    }

    /** BLOCKHASH on L1: the 256 blocks before the current one. */
    private Hash hashOf(long n) {
        L1Block b = block(n);
        return b == null || n < head().number() - 255 ? Hash.ZERO : b.hash();
    }

    private void record(OutputProposal o) {
        L2OutputOracle.record(execution.state(), SystemContracts.outputOracle(o.chainId()), o.outputRoot(), o.l1TimestampMillis() / 1000, o.l2BlockNumber());
    }

    private void buildBlock() {
        L1Block parent = head();
        long number = parent.number() + 1;
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        BigInteger baseFee = nextBaseFee;
        BigInteger blobFee = blobMarket.blobBaseFee();
        long gasUsed = Math.min(config.gasLimit(), (long) (config.gasLimit() * config.backgroundGasShare() * (0.6 + 0.8 * rnd.nextDouble())));
        int background = (int) Math.max(0, Math.min(config.blobs().max, Math.round(config.backgroundBlobs() + (rnd.nextDouble() * 2 - 1) * 2)));
        if (congested) { // everyone else wants in: blocks and blobs run full, so both base fees climb each block
            gasUsed = config.gasLimit() * 95 / 100;
            background = config.blobs().max;
        }
        int blobs = background;
        // user transactions take the gas the modelled background leaves
        L1Execution.Executed user = execution.run(L1Execution.env(number, scheduler.now(), config.gasLimit(), baseFee, blobFee, parent.hash(), this::hashOf),
                config.gasLimit() - gasUsed);
        gasUsed += user.gasUsed();

        List<BatcherTx> included = new ArrayList<>();
        List<Pending<BatcherTx>> taken = new ArrayList<>();
        List<Runnable> callbacks = new ArrayList<>();
        while (!batchQueue.isEmpty()) {
            Pending<BatcherTx> p = batchQueue.peek();
            BatcherTx tx = p.item();
            long gas = tx.executionGas();
            // A batcher that waits bumps its tip by 10% of the base fee each slot (as a replacement
            // transaction must) and so outbids one more of the other users' blobs.
            long waited = Math.max(0, number - 1 - tx.submittedAtL1Block());
            int outbid = (int) Math.min(background, waited);
            if (blobs + tx.blobs() > config.blobs().max + outbid || gasUsed + gas > config.gasLimit()) break;
            taken.add(batchQueue.poll());
            int displaced = Math.max(0, blobs + tx.blobs() - config.blobs().max);
            background -= displaced;
            blobs += tx.blobs() - displaced;
            gasUsed += gas;
            BigInteger tip = baseFee.multiply(BigInteger.valueOf(waited)).divide(BigInteger.TEN);
            BigInteger fee = baseFee.add(tip).multiply(BigInteger.valueOf(gas))
                    .add(blobFee.multiply(BigInteger.valueOf(tx.blobs() * BlobSchedule.GAS_PER_BLOB)));
            BatcherTx done = tx.included(number, fee, scheduler.now());
            included.add(done);
            callbacks.add(() -> p.onIncluded().accept(done));
        }
        List<OutputProposal> outputs = new ArrayList<>();
        for (Pending<OutputProposal> p : outputQueue) {
            OutputProposal o = p.item();
            OutputProposal done = new OutputProposal(o.chainId(), countOutputs(o.chainId()), o.l2BlockNumber(), o.outputRoot(), number, scheduler.now());
            include(List.of(done), scheduler.now()); // into the oracle now: the next one's index counts it
            outputs.add(done);
            gasUsed = Math.min(config.gasLimit(), gasUsed + 80_000);
            callbacks.add(() -> p.onIncluded().accept(done));
        }
        outputQueue.clear();
        SettlementLog settlement = settle(scheduler.now());

        endOfBlock(number, user.receipts());
        Hash stateRoot = execution.state().root();
        Hash hash = hash(parent.hash(), number, scheduler.now(), baseFee, gasUsed, blobs, included.size(), stateRoot, user.receipts(), 0);
        List<Deposit> deposits = execution.deposits(user.receipts(), number, hash);

        L1Block block = new L1Block(number, hash, parent.hash(), scheduler.now(), baseFee, blobFee, gasUsed, blobs,
                List.copyOf(included), List.copyOf(outputs), deposits, stateRoot, user.transactions(), user.receipts(), settlement);
        parameters.record(number, user.receipts());
        blocks.add(block);
        if (!taken.isEmpty()) unfinalizedBatches.put(number, taken);
        blobMarket.onBlock(blobs, baseFee);
        nextBaseFee = Eip1559.nextBaseFee(baseFee, gasUsed, config.gasLimit(), 2, 8);
        if (number % config.slotsPerEpoch() == 0) {
            finalized = Math.max(finalized, number - (long) config.slotsPerEpoch() * config.finalityEpochs());
            unfinalizedBatches.headMap(finalized, true).clear();
        }
        // What this block completes (batches posted, outputs included) first, then the listeners,
        // the store among them: it writes the block together with what the block completed, in
        // one transaction, so a crash never keeps one without the other.
        callbacks.forEach(Runnable::run);
        for (Consumer<L1Block> l : listeners) l.accept(block);
        events.publish(new L1BlockSealed(scheduler.now(), block, finalized));
    }

    /** A block's hash: over its header fields and receipts; {@code fork} tells a competing fork's block at the same height apart (0: the first). */
    private static Hash hash(Hash parent, long number, long timeMillis, BigInteger baseFee, long gasUsed, int blobs, int batches, Hash stateRoot,
                             List<dev.rollupstudio.chain.Receipt> receipts, int fork) {
        List<byte[]> receiptBytes = receipts.stream().map(dev.rollupstudio.chain.Receipt::encode).toList();
        List<byte[]> fields = new ArrayList<>(List.of(Rlp.encodeBytes(parent.raw()), Rlp.encodeLong(number), Rlp.encodeLong(timeMillis),
                Rlp.encodeBigInt(baseFee), Rlp.encodeLong(gasUsed), Rlp.encodeLong(blobs), Rlp.encodeLong(batches),
                Rlp.encodeBytes(stateRoot.raw()), Rlp.encodeBytes(dev.rollupstudio.chain.trie.MerklePatriciaTrie.orderedRoot(receiptBytes).raw())));
        if (fork > 0) fields.add(Rlp.encodeLong(fork));
        return Keccak.hash(Rlp.encodeList(fields));
    }

    /**
     * A fault: the newest {@code depth} blocks lose to a competing fork, as when a late block is
     * orphaned. The model, said where users read it: the fork's blocks carry the same user
     * transactions, outputs and proofs (the mempool was the same), so they leave the same state,
     * but not the rollups' batcher transactions, whose gas and blob space other users' traffic
     * took; those go back to the queue, to land again in the next blocks (as a batcher re-sends a
     * transaction whose receipt vanished). Every block hash from the fork point changes, and with
     * it each deposit's L1 block hash. Refused at or below the finalized block.
     */
    public Reorg reorg(int depth) {
        long from = head().number() - depth + 1;
        if (depth < 1 || from <= finalized) {
            throw new IllegalArgumentException("a reorg of " + depth + " block(s) would reach the finalized L1 block " + finalized + "; L1 head is " + head().number());
        }
        forks++;
        List<L1Block> orphaned = new ArrayList<>(blocks.subList((int) from, blocks.size()));
        List<L1Block> replacements = new ArrayList<>();
        Hash parent = block(from - 1).hash();
        for (L1Block b : orphaned) {
            Hash hash = hash(parent, b.number(), b.timestampMillis(), b.baseFee(), b.gasUsed(), b.blobsUsed(), 0, b.stateRoot(), b.receipts(), forks);
            List<Deposit> deposits = b.deposits().stream().map(d -> new Deposit(d.chainId(), d.from(), d.to(), d.value(), d.gasLimit(), d.data(),
                    d.l1Block(), hash, d.logIndex())).toList();
            L1Block r = new L1Block(b.number(), hash, parent, b.timestampMillis(), b.baseFee(), b.blobBaseFee(), b.gasUsed(), b.blobsUsed(),
                    List.of(), b.outputs(), deposits, b.stateRoot(), b.transactions(), b.receipts(), b.settlement());
            blocks.set((int) b.number(), r);
            replacements.add(r);
            parent = hash;
        }
        List<Pending<BatcherTx>> back = new ArrayList<>();
        unfinalizedBatches.tailMap(from, true).values().forEach(back::addAll);
        unfinalizedBatches.tailMap(from, true).clear();
        for (int i = back.size() - 1; i >= 0; i--) batchQueue.addFirst(back.get(i)); // ahead of later ones, in their order
        Reorg reorg = new Reorg(from, List.copyOf(orphaned), List.copyOf(replacements), back.stream().map(Pending::item).toList());
        for (Consumer<Reorg> l : List.copyOf(reorgListeners)) l.accept(reorg);
        return reorg;
    }

    /** The oracle's outputs, as disputes and proofs read and delete them. */
    private final Disputes.OutputLookup outputLookup = new Disputes.OutputLookup() {
        @Override public OutputProposal output(long chainId, long index) {
            return oracle.stream().filter(o -> o.chainId() == chainId && o.index() == index).findFirst().orElse(null);
        }

        @Override public int deleteFrom(long chainId, long index) {
            oracle.removeIf(o -> o.chainId() == chainId && o.index() >= index);
            return L2OutputOracle.deleteFrom(execution.state(), SystemContracts.outputOracle(chainId), index);
        }

        @Override public void markWrong(long chainId, Hash root) {
            L2OutputOracle.markWrong(execution.state(), SystemContracts.outputOracle(chainId), root);
        }
    };

    private long countOutputs(long chainId) {
        return oracle.stream().filter(o -> o.chainId() == chainId).count();
    }

    /** The devnet's own acts after a block's transactions: at an epoch's end, the stakers' reward (emission and their share of the epoch's RaaS fees). */
    private void endOfBlock(long number, List<dev.rollupstudio.chain.Receipt> receipts) {
        epochFees = epochFees.add(dev.rollupstudio.contracts.StakedAlt.raasFees(receipts));
        if (number % config.slotsPerEpoch() != 0) return;
        dev.rollupstudio.contracts.StakedAlt.payEpochReward(execution.state(), CHAIN_ID, epochFees);
        epochFees = BigInteger.ZERO;
    }

    /** What ALT governance changed in the rollups' parameters, block by block. */
    public ParameterChanges parameters() {
        return parameters;
    }

    public L1Block head() {
        return blocks.get(blocks.size() - 1);
    }

    public L1Block block(long number) {
        return number >= 0 && number < blocks.size() ? blocks.get((int) number) : null;
    }

    public long finalizedNumber() {
        return finalized;
    }

    /** Base fee the next block will charge. */
    public BigInteger baseFee() {
        return nextBaseFee;
    }

    /** A fault: while congested, the rest of Ethereum fills blocks (95% of the gas) and every blob slot. */
    public void setCongested(boolean congested) {
        this.congested = congested;
    }

    public boolean isCongested() {
        return congested;
    }

    public BigInteger blobBaseFee() {
        return blobMarket.blobBaseFee();
    }

    public long excessBlobGas() {
        return blobMarket.excessBlobGas();
    }

    public int pendingBatches() {
        return batchQueue.size();
    }

    public List<OutputProposal> outputs(long chainId) {
        return oracle.stream().filter(o -> o.chainId() == chainId).toList();
    }

    /**
     * Installs a rollup's portal and output oracle and backs its genesis allocation in the portal,
     * as if it had been deposited, so every L2 wei can be withdrawn to L1: in ETH, or, for a
     * rollup whose native coin is ALT ({@code gasToken}), ALT from the RaaS treasury (a transfer
     * run in the EVM when the rollup registers). An optimistic rollup's outputs can be disputed
     * from then on; a ZK rollup's count only once proved.
     */
    public void registerRollup(dev.rollupstudio.runtime.config.RollupConfig config, Wei genesisSupply) {
        long chainId = config.chainId();
        long challengeWindowMillis = config.proof().delayMillis();
        Address gasToken = config.fees().feeToken().l1Token();
        execution.system().register(chainId, challengeWindowMillis, gasToken, execution.state());
        switch (config.proof().kind()) {
            case OPTIMISTIC -> disputes.register(chainId, challengeWindowMillis);
            case VALIDITY -> L2OutputOracle.requireProofs(execution.state(), SystemContracts.outputOracle(chainId));
            default -> { }
        }
        if (gasToken == null) ledger.lock(chainId, genesisSupply);
        else if (gasToken.equals(dev.rollupstudio.contracts.Alt.L1_TOKEN) && genesisSupply.value().signum() > 0) {
            dev.rollupstudio.contracts.Alt.devnetTransfer(execution.state(), CHAIN_ID, dev.rollupstudio.contracts.Alt.TREASURY,
                    SystemContracts.portal(chainId), genesisSupply.value());
        }
    }

    /** Output disputes of the optimistic rollups on this L1. */
    public Disputes disputes() {
        return disputes;
    }

    /** Validity proofs of the ZK rollups on this L1. */
    public ValidityProofs validityProofs() {
        return proofs;
    }

    public L1Ledger ledger() {
        return ledger;
    }

    public L1Config config() {
        return config;
    }
}
