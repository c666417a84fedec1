package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RunMetrics;
import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.HeadsAdvanced;
import dev.rollupstudio.runtime.event.OutputProposed;
import dev.rollupstudio.runtime.event.TxRejected;
import dev.rollupstudio.runtime.da.DataAvailabilityLayer;
import dev.rollupstudio.runtime.da.EthereumDa;
import dev.rollupstudio.runtime.da.ExternalDa;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.TrackedWithdrawal;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.security.FastFinality;
import dev.rollupstudio.runtime.security.OutputVerification;
import dev.rollupstudio.runtime.security.Restaking;
import dev.rollupstudio.contracts.OperatorRegistry.Service;
import dev.rollupstudio.runtime.l1.ValidityProofs;
import dev.rollupstudio.runtime.event.ProofVerified;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * One rollup, composed: pool, sequencer, batcher, proposer and an independent derivation
 * verifier, over a shared embedded L1. All of it runs on the scheduler's loop thread.
 */
public final class RollupNode {
    /** L2 blocks run after L1 slots due at the same instant. */
    public static final int PRIORITY = 1;

    private final RollupConfig config;
    private final Genesis genesis;
    private final EmbeddedL1 l1;
    private final Scheduler scheduler;
    private final EventBus events;
    private final RuntimeStore store;
    private final RunMetrics metrics;
    private final MutableWorldState state;
    private final TxPool pool;
    private final L2Chain chain;
    private final Sequencer sequencer;
    private final Batcher batcher;
    private final Derivation derivation;
    private final Proposer proposer;
    private final WithdrawalRelayer relayer;
    private final DataAvailabilityLayer da;
    private final FastFinality fastFinality;
    /** VITAL's operators; null without VITAL. */
    private final OutputVerification vital;
    /** A ZK rollup's prover; null for other proof systems. */
    private final Prover prover;
    private Heads heads = new Heads(0, 0, 0);
    private final List<java.util.function.Consumer<SealedBlock>> sealedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Runnable leaveL1;
    private final Runnable leaveReorgs;
    /** On an optimistic rollup: its challenger and the slashing evidence it hands L1; else null. */
    private final OutputDisputes disputes;
    private final dev.rollupstudio.runtime.security.BadBlockWatch badBlocks;
    private final VerifierWrites verifierWrites;
    private Runnable stopSequencing;
    private boolean stopped;
    /** Why new transactions are refused once the rollup is ending; null while it takes them. */
    private String closedBecause;
    private boolean automine;
    private boolean mineScheduled;
    /** Developer edits by the block before which they apply, until the verifier has derived it. */
    private final java.util.TreeMap<Long, List<dev.rollupstudio.state.StateEdit>> devEdits = new java.util.TreeMap<>();
    /** Senders of the impersonated transactions in blocks the verifier has not derived yet (anvil_impersonateAccount). */
    private final Map<Hash, Address> impersonated = new java.util.HashMap<>();
    private final java.util.TreeMap<Long, List<Hash>> impersonatedByBlock = new java.util.TreeMap<>();

    /** Where to resume: the stored head, its state and totals, and how far batching and proposing got. */
    public record Resume(SealedBlock head, MutableWorldState state, ChainTotals totals, long nextBatchId,
                         java.util.function.LongFunction<SealedBlock> archive, List<TrackedWithdrawal> withdrawals, Verifier verifier) {}

    /** The block whose output comes next: the one after the last the L1's oracle holds (on a resumed L1, as its settlement left it). */
    private static long nextOutputBlock(EmbeddedL1 l1, RollupConfig config) {
        long last = l1.outputs(config.chainId()).stream().mapToLong(OutputProposal::l2BlockNumber).max().orElse(0);
        return last + config.batching().outputIntervalBlocks();
    }

    /** The verifier's last checkpoint and its world state there; null in {@link Resume} to replay L1 from genesis. */
    public record Verifier(VerifierCheckpoint checkpoint, MutableWorldState state) {}

    public RollupNode(RollupConfig config, Genesis genesis, EmbeddedL1 l1, Scheduler scheduler, EventBus events, RuntimeStore store,
                      RunMetrics metrics, Resume resume, L1Signer l1Signer) {
        this(config, genesis, l1, scheduler, events, store, metrics, resume, l1Signer, 0);
    }

    /** {@code anchorL1}: the L1 block the rollup's genesis is anchored to (a rollup started on a running L1 anchors to its head then). */
    public RollupNode(RollupConfig config, Genesis genesis, EmbeddedL1 l1, Scheduler scheduler, EventBus events, RuntimeStore store,
                      RunMetrics metrics, Resume resume, L1Signer l1Signer, long anchorL1) {
        this.config = config;
        this.genesis = genesis;
        this.l1 = l1;
        this.scheduler = scheduler;
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        MutableWorldState genesisState = genesis.toState();
        SealedBlock genesisBlock = GenesisBlock.of(config, genesis, genesisState, l1.block(anchorL1));
        this.state = resume != null ? resume.state() : genesisState.copy();
        // the store keeps sealed blocks; the genesis block is the genesis's, on a resumed chain too (optimism_rollupConfig names it)
        this.chain = resume != null ? new L2Chain(resume.head(), resume.totals(), n -> n == 0 ? genesisBlock : resume.archive().apply(n))
                : new L2Chain(genesisBlock, ChainTotals.ZERO, n -> n == 0 ? genesisBlock : null);
        this.pool = new TxPool(config);
        this.da = config.da().external() != null ? new ExternalDa(config.da().external(), l1, scheduler, 3)
                : new EthereumDa(l1, scheduler, config.da().useBlobs(), config.da().maxBlobsPerTx());
        this.batcher = new Batcher(config, l1, da, scheduler, events, resume != null ? resume.nextBatchId() : 0);
        this.sequencer = new Sequencer(config, state, pool, l1, chain, scheduler, events, metrics, this::onSealed);
        this.derivation = resume != null && resume.verifier() != null
                ? new Derivation(config, resume.verifier().state(), resume.verifier().checkpoint(), l1, da, scheduler, events, this::sequencedHash)
                : new Derivation(config, genesisState, genesisBlock, l1, da, scheduler, events, this::sequencedHash);
        this.fastFinality = config.sequencing().mach() == null ? null : machOperators(config, l1, scheduler, events, this.state.copy(), chain.head(), l1Signer);
        this.badBlocks = fastFinality == null ? null : new dev.rollupstudio.runtime.security.BadBlockWatch(l1, config, l1Signer, fastFinality);
        this.relayer = new WithdrawalRelayer(config, l1, chain, scheduler, events, store, resume != null ? resume.withdrawals() : List.of(), l1Signer);
        this.prover = config.proof().kind() == ProofSystem.Kind.VALIDITY
                ? new Prover(config, l1, scheduler, l1Signer.address(), derivation::outputRootAt, this::onProofVerdict) : null;
        this.proposer = new Proposer(config, l1, chain, nextOutputBlock(l1, config), o -> {
            metrics.output();
            store.output(o);
            events.publish(new OutputProposed(scheduler.now(), o));
            relayer.onOutput(o);
            if (prover != null) prover.prove(o);
        });
        batcher.onPosted(p -> {
            metrics.batch(p.rawBytes(), p.compressedBytes(), p.blobs(), p.l1Fee(), p.daFee());
            store.batch(p);
        });
        this.verifierWrites = new VerifierWrites(store, derivation, l1);
        this.leaveL1 = l1.onBlock(this::onL1Block);
        this.leaveReorgs = l1.onReorg(this::onL1Reorg);
        batcher.onReposted((orphaned, landed) -> {
            metrics.batchReposted(orphaned.l1Fee(), landed.l1Fee());
            store.batch(landed);
        });
        derivation.devEdits(n -> devEdits.getOrDefault(n, List.of()));
        derivation.impersonated(impersonated::get);
        boolean disputable = config.proof().kind() == ProofSystem.Kind.OPTIMISTIC;
        this.vital = config.sequencing().vital() == null ? null : vitalOperators(disputable);
        this.disputes = disputable ? new OutputDisputes(config, l1, derivation, proposer, vital, l1Signer, scheduler, events, () -> stopped) : null;
        if (prover != null && resume != null) prover.resume();
    }

    /** L1 verified a proof (the finalized head may move) or rejected it (its output was deleted: propose that block again). */
    private void onProofVerdict(ValidityProofs.Verification v) {
        if (!v.accepted()) proposer.rewind(v.proof().l2Block());
        events.publish(new ProofVerified(scheduler.now(), v));
        updateHeads();
    }

    /**
     * VITAL's operators sign a verdict on every output the verifier checks (listening before the
     * honest challenger, so a wrong output they call out is disputed with an operator's bond).
     * Where outputs can be disputed each operator's L1 account was funded for its bonds when the rollup registered.
     */
    private OutputVerification vitalOperators(boolean disputable) {
        OutputVerification v = new OutputVerification(config.sequencing().vital(), config.chainId(), scheduler, events,
                Restaking.registry(l1, config.chainId(), Service.VITAL),
                (o, operator) -> { if (disputable) l1.disputes().challenge(config.chainId(), o.index(), operator); });
        derivation.onOutputChecked(v::onChecked);
        return v;
    }


    /** MACH's operators, re-executing from {@code head} on their own copy of the state after it. */
    private FastFinality machOperators(RollupConfig config, EmbeddedL1 l1, Scheduler scheduler, EventBus events, MutableWorldState own, SealedBlock head,
                                       L1Signer l1Signer) {
        BlockReplay replay = new BlockReplay(config, l1);
        replay.devEdits(n -> devEdits.getOrDefault(n, List.of()));
        replay.impersonated(impersonated::get);
        FastFinality ff = new FastFinality(config.sequencing().mach(), config.chainId(), own, head, replay, scheduler, events,
                Restaking.registry(l1, config.chainId(), Service.MACH),
                this::updateHeads);
        int specQuorum = config.sequencing().mach().quorumPct();
        ff.quorumFrom(() -> {
            java.math.BigInteger set = l1.parameters().valueAt(config.chainId(), dev.rollupstudio.contracts.Governance.MACH_QUORUM_PCT, l1.head().number());
            return set == null ? specQuorum : set.intValueExact();
        });
        // anyone may hand the evidence to the registry; the node's L1 account does, as a watchtower would
        ff.onEquivocation(e -> { if (!stopped) l1.submit(Restaking.slash(l1, l1Signer, e)); });
        return ff;
    }

    /**
     * Applies a developer's edits to the live state now (loop thread); the next block builds on
     * them and the verifier applies them before deriving that block, so both roots agree.
     */
    public void edit(List<dev.rollupstudio.state.StateEdit> edits) {
        if (stopped) throw new IllegalStateException("rollup " + config.chainId() + " was removed from the devnet");
        for (var e : edits) e.apply(state);
        devEdits.computeIfAbsent(chain.head().number() + 1, n -> new java.util.ArrayList<>()).addAll(edits);
        java.util.Set<Address> touched = new java.util.HashSet<>();
        for (var e : edits) touched.add(e.address());
        pool.prune(touched, state);
        if (automine && pool.pendingCount() > 0) scheduleMine();
    }

    public Sequencer sequencer() {
        return sequencer;
    }

    /**
     * Stops this rollup on a running host (loop thread): no more blocks, batches, L1 reading or
     * finality rounds; the L1 keeps what it already holds. What the node holds is freed with it.
     */
    public void stop() {
        stopped = true;
        leaveL1.run();
        leaveReorgs.run();
        if (stopSequencing != null) stopSequencing.run();
        if (fastFinality != null) fastFinality.stop();
        l1.disputes().forget(config.chainId());
        if (prover != null) prover.stop();
        if (vital != null) vital.stop();
        if (da instanceof ExternalDa external) external.stop();
    }

    /**
     * The rollup is ending (loop thread): from now on every transaction is refused with
     * {@code because}, which should say where to go instead; what the pool holds still runs.
     */
    public void close(String because) {
        closedBecause = because;
    }

    /** Null while the rollup takes transactions; else why it refuses them. */
    public String closedBecause() {
        return closedBecause;
    }

    /** Seals no more blocks (loop thread): the head is the final block. Batching, the verifier and withdrawals go on. */
    public void stopSequencing() {
        if (stopSequencing != null) stopSequencing.run();
        stopSequencing = null;
        automine = false;
    }

    /**
     * Proposes the output of the final block (loop thread), once the verifier has derived it: an
     * ending rollup's last output need not fall on the output interval. Returns false while the
     * final block is not safe yet.
     */
    public boolean proposeFinalOutput() {
        SealedBlock head = chain.head();
        if (derivation.safeHead() < head.number()) return false;
        relayer.keepStorage(head.number(), state);
        proposer.proposeFinal(head.number());
        return true;
    }

    public boolean isStopped() {
        return stopped;
    }

    /**
     * After a restart: replays the stored L1 blocks through the verifier (it skips those before
     * its checkpoint), then batches again every block past the safe head (what L1 does not fully
     * carry), as op-batcher does.
     */
    public void replayL1(List<L1Block> stored) {
        for (L1Block b : stored) derivation.onL1Block(b);
        batcher.resumeAfter(derivation.safeHead());
        for (long n = derivation.safeHead() + 1; n <= chain.head().number(); n++) {
            SealedBlock b = chain.block(n);
            batcher.add(b.block(), b.origin());
        }
        updateHeads();
    }

    /**
     * Seals a block as soon as transactions wait (Anvil's automine), besides the block time's
     * blocks, which keep the L1 origin moving and take the epochs' deposits.
     */
    public void automine() {
        automine = true;
    }

    /** Seals a block now, as evm_mine asks (loop thread). */
    public void mine() {
        if (stopped) throw new IllegalStateException("rollup " + config.chainId() + " was removed from the devnet");
        sequencer.produceBlock();
    }

    /** Called on the loop thread after each sealed block, the node's state then being the block's post-state. */
    public void onSealed(java.util.function.Consumer<SealedBlock> listener) {
        sealedListeners.add(listener);
    }

    /** Automine: one block as soon as the loop is free, then more while runnable transactions wait. */
    private void scheduleMine() {
        if (mineScheduled) return;
        mineScheduled = true;
        scheduler.at(scheduler.now(), PRIORITY, () -> {
            mineScheduled = false;
            if (stopped) return;
            sequencer.produceBlock();
            // more only while blocks take some: what the pool cannot run now (a fee cap under the base fee) waits for the block time
            boolean tookAny = chain.head().block().transactions().stream().anyMatch(t -> !t.isDeposit());
            if (tookAny && pool.pendingCount() > 0) scheduleMine();
        });
    }

    public void start() {
        if (config.sequencing().set().mode() == SequencerSet.Mode.BASED) return; // blocks come with L1 slots (onL1Block)
        // never in the past: a rollup started on a running L1 (anchored to an older L1 block) seals its first block at once
        long first = Math.max(chain.head().header().timestamp() * 1000 + config.blockTimeMillis(), scheduler.now());
        stopSequencing = scheduler.every(first, config.blockTimeMillis(), PRIORITY, sequencer::produceBlock);
    }

    private RollupConfig headConfig;
    private long headConfigOrigin = -1;

    /**
     * The config as governance left it at {@code head}'s L1 origin, with the pool's gas limit set to
     * match: read once per origin, since submit runs per transaction (origin N's changes are final
     * once N is sealed, before any L2 block can take it).
     */
    private RollupConfig governedAt(SealedBlock head) {
        long origin = head.origin().number();
        if (origin != headConfigOrigin) {
            headConfig = l1.parameters().at(config, origin);
            headConfigOrigin = origin;
            pool.blockGasLimit(headConfig.gasLimit());
        }
        return headConfig;
    }

    /** Admits a transaction (loop thread). Returns null when pooled, or the rejection. */
    public TxRejection submit(Transaction tx, long wallNanos) {
        metrics.submitted();
        if (closedBecause != null) {
            TxRejection r = new TxRejection(TxRejection.Reason.CLOSED, closedBecause);
            metrics.rejected(r.reason());
            events.publish(new TxRejected(scheduler.now(), tx.hash(), r));
            return r;
        }
        SealedBlock head = chain.head();
        BigInteger baseFee = Sequencer.nextBaseFee(config, head);
        RollupConfig governed = governedAt(head);
        BigInteger l1Fee = L1Fee.fee(tx, head.origin().baseFee(), head.origin().blobBaseFee(), governed.fees().baseFeeScalar(), governed.fees().blobBaseFeeScalar());
        TxRejection r = pool.add(tx, state, baseFee, config.inGasToken(l1Fee), scheduler.now(), wallNanos);
        if (r != null) {
            metrics.rejected(r.reason());
            events.publish(new TxRejected(scheduler.now(), tx.hash(), r));
        } else if (automine && pool.pendingCount() > 0) {
            scheduleMine();
        }
        return r;
    }

    /**
     * As a wallet sends a sender's transactions one after another (loop thread): once one is
     * refused, that sender's later ones in this list are not sent (they would wait behind the
     * missing nonce). Senders are recovered on all cores first.
     */
    public void submitAsClients(List<Transaction> txs) {
        recoverSenders(txs);
        java.util.Set<Address> refused = new java.util.HashSet<>();
        for (Transaction tx : txs) {
            if (refused.contains(tx.sender())) continue;
            if (submit(tx, -1) != null) refused.add(tx.sender());
        }
    }

    /** Sender recovery and the data-fee input before the loop: on all cores for a batch, inline for a few (common-pool tasks drop FastLZ's thread-local table). */
    public static void recoverSenders(List<Transaction> txs) {
        (txs.size() < 32 ? txs.stream() : txs.parallelStream()).forEach(tx -> {
            tx.sender();
            tx.fastLzLength();
        });
    }

    /** The nonce a client sends next from {@code sender}: its account nonce past its pooled run (loop thread). */
    public long pendingNonce(Address sender) {
        return pool.pendingNonce(sender, state);
    }

    /**
     * The sender's pooled transactions from its account nonce on, in nonce order, whose fee cap is
     * below {@code baseFee}: what a wallet re-bids when the base fee has risen past them (loop thread).
     */
    public List<Transaction> pricedOut(Address sender, BigInteger baseFee) {
        List<Transaction> out = new java.util.ArrayList<>();
        for (long n = state.nonce(sender); ; n++) {
            TxPool.Entry e = pool.entry(sender, n);
            if (e == null) return out;
            if (e.tx().maxFeePerGas().compareTo(baseFee) < 0) out.add(e.tx());
        }
    }

    /** Decodes raw bytes first; malformed bytes are a rejection like any other. */
    public TxRejection submitRaw(byte[] raw, long wallNanos) {
        Transaction tx;
        try {
            tx = Transaction.decode(raw);
        } catch (RuntimeException e) {
            metrics.submitted();
            TxRejection r = new TxRejection(TxRejection.Reason.MALFORMED, "malformed transaction: " + e.getMessage());
            metrics.rejected(r.reason());
            events.publish(new TxRejected(scheduler.now(), Hash.ZERO, r));
            return r;
        }
        return submit(tx, wallNanos);
    }

    private void onSealed(SealedBlock b) {
        for (Transaction tx : b.block().transactions()) {
            if (!tx.isImpersonated()) continue;
            impersonated.put(tx.hash(), tx.sender());
            impersonatedByBlock.computeIfAbsent(b.number(), n -> new java.util.ArrayList<>()).add(tx.hash());
        }
        store.l2Block(b, dev.rollupstudio.runtime.StateChanges.drain(state), chain.totals());
        relayer.onBlock(b, state);
        batcher.add(b.block(), b.origin());
        if (fastFinality != null) fastFinality.onSealed(b);
        updateHeads();
        for (var l : sealedListeners) l.accept(b);
    }

    private void onL1Block(L1Block b) {
        batcher.onL1Block(b);
        derivation.onL1Block(b);
        verifierWrites.afterL1Block(b.number());
        relayer.onL1Block();
        if (disputes != null) disputes.onL1Block();
        if (badBlocks != null) badBlocks.onL1Block();
        // what both checkers have built is no longer needed: the verifier's safe head as far back as an L1 reorg can take it, and MACH's operators' head
        long checked = fastFinality == null ? derivation.rewindFloor() : Math.min(derivation.rewindFloor(), fastFinality.checkedThrough());
        devEdits.headMap(checked, true).clear();
        var derived = impersonatedByBlock.headMap(checked, true);
        derived.values().forEach(hashes -> hashes.forEach(impersonated::remove));
        derived.clear();
        if (config.sequencing().set().mode() == SequencerSet.Mode.BASED) sequencer.produceBlock();
        updateHeads();
    }

    /**
     * An L1 reorg replaced blocks this rollup's verifier had read: it goes back to the last block
     * that stays and reads the new ones (the batches they lost come back as the batcher re-sends
     * them). The sequencer keeps {@link Sequencer#L1_CONFIRMATIONS} behind the L1 head, so no L2
     * block was built on a replaced block and the unsafe chain stays as it is.
     */
    private void onL1Reorg(EmbeddedL1.Reorg r) {
        long safeBefore = derivation.rewindTo(r.fromNumber() - 1);
        long safeAfter = derivation.safeHead();
        for (L1Block b : r.replacements()) derivation.onL1Block(b);
        verifierWrites.afterReorg(r.fromNumber());
        int requeued = (int) r.requeued().stream().filter(t -> t.chainId() == config.chainId()).count();
        events.publish(new dev.rollupstudio.runtime.event.L1Reorged(scheduler.now(), config.chainId(), r.fromNumber(), r.replacements().size(),
                safeBefore, safeAfter, requeued));
        updateHeads();
    }

    private void updateHeads() {
        long finalized = derivation.finalizedHead();
        if (prover != null) finalized = Math.min(finalized, prover.provenThrough());
        if (fastFinality != null) finalized = Math.max(finalized, fastFinality.finalHead());
        Heads h = new Heads(chain.head().number(), derivation.safeHead(), finalized);
        if (h.equals(heads)) return;
        heads = h;
        proposer.onSafeHead(h.safe());
        events.publish(new HeadsAdvanced(scheduler.now(), h.unsafe(), h.safe(), h.finalized()));
    }

    private Hash sequencedHash(long number) {
        SealedBlock b = chain.block(number);
        return b == null ? null : b.hash();
    }

    public Heads heads() { return heads; }
    public L2Chain chain() { return chain; }
    public TxPool pool() { return pool; }
    public MutableWorldState state() { return state; }
    public Derivation derivation() { return derivation; }
    public Batcher batcher() { return batcher; }
    public Proposer proposer() { return proposer; }
    public RollupConfig config() { return config; }
    public Genesis genesis() { return genesis; }
    public RuntimeStore store() { return store; }
    public RunMetrics metrics() { return metrics; }
    public WithdrawalRelayer relayer() { return relayer; }
    public DataAvailabilityLayer da() { return da; }
    public FastFinality fastFinality() { return fastFinality; }
    public OutputVerification vital() { return vital; }
}
