package dev.rollupstudio.runtime;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.da.ExternalDa;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.TxDropped;
import dev.rollupstudio.runtime.event.TxRejected;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.rollup.L1Signer;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.contracts.GenesisContracts;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.List;

/**
 * A running embedded stack: the clock, the L1, one rollup node and optional generated load.
 * The CLI and the studio both drive the runtime through this class.
 */
public final class RollupRuntime implements AutoCloseable {
    private final RuntimeOptions options;
    private final Scheduler scheduler;
    private final EventBus events = new EventBus();
    private final EmbeddedL1 l1;
    private final RollupNode node;
    private final DevAccounts accounts;
    private final RuntimeStore store;
    private final RunMetrics metrics = new RunMetrics();
    private volatile ChainStatus status;
    private volatile dev.rollupstudio.runtime.security.MachStatus mach;
    private volatile dev.rollupstudio.runtime.security.OutputVerification.VitalStatus vital;
    private volatile java.util.List<dev.rollupstudio.runtime.AppliedChanges.Applied> governance = java.util.List.of();
    private final dev.rollupstudio.runtime.AppliedChanges applied;

    /** A runtime writing to {@code store}, resumed from {@code resume} when it is not null. */
    public RollupRuntime(RuntimeOptions options, Genesis genesis, RuntimeStore store, StoredRuntime resume) {
        this(options, genesis, store, resume, l1 -> {});
    }

    /**
     * As above; {@code alsoOnL1} registers a devnet's further rollups on the L1 right after the
     * first, before the stored L1 blocks run again (their deposits and outputs need them there).
     */
    public RollupRuntime(RuntimeOptions options, Genesis genesis, RuntimeStore store, StoredRuntime resume, java.util.function.Consumer<EmbeddedL1> alsoOnL1) {
        this(options, genesis, store, resume, new Scheduler(resume != null ? resume.nowMillis() : genesis.timestamp() * 1000, options.pace()), alsoOnL1);
    }

    /** A runtime on a given scheduler, set to the start time (a devnet building itself again after a revert). */
    public RollupRuntime(RuntimeOptions options, Genesis genesis, RuntimeStore store, StoredRuntime resume, Scheduler scheduler) {
        this(options, genesis, store, resume, scheduler, l1 -> {});
    }

    private RollupRuntime(RuntimeOptions options, Genesis genesis, RuntimeStore store, StoredRuntime resume, Scheduler scheduler,
                          java.util.function.Consumer<EmbeddedL1> alsoOnL1) {
        this.options = options;
        this.store = store;
        this.accounts = DevAccounts.derive(options.mnemonic(), options.devAccounts());
        this.scheduler = scheduler;
        this.l1 = new EmbeddedL1(options.l1(), scheduler, events, options.seed(), genesis.timestamp() * 1000);
        for (Address a : accounts.addresses()) l1.ledger().credit(a, options.devBalance());
        dev.rollupstudio.contracts.Alt.deployOnL1(l1.state(), EmbeddedL1.CHAIN_ID, genesis.timestamp(), accounts.addresses());
        dev.rollupstudio.contracts.OperatorRegistry.deployOnL1(l1.state(), EmbeddedL1.CHAIN_ID, genesis.timestamp());
        dev.rollupstudio.contracts.StakedAlt.deployOnL1(l1.state(), EmbeddedL1.CHAIN_ID, genesis.timestamp());
        var g = options.l1().governance();
        dev.rollupstudio.contracts.Governance.deployOnL1(l1.state(), EmbeddedL1.CHAIN_ID, genesis.timestamp(), g.votingDelayBlocks(), g.votingPeriodBlocks(),
                g.proposalThreshold(), g.quorum(), g.timelockSeconds());
        dev.rollupstudio.contracts.ComponentCatalog.deployOnL1(l1.state(), EmbeddedL1.CHAIN_ID, genesis.timestamp());
        l1.registerRollup(options.rollup(), genesis.totalSupply());
        l1.ledger().credit(DevAccounts.relayer().address(), DevGenesis.BALANCE);
        l1.ledger().credit(dev.rollupstudio.runtime.l1.SystemContracts.proposer(options.rollup().chainId()), DevGenesis.BALANCE); // for its output bonds
        dev.rollupstudio.runtime.security.Restaking.join(l1, options.rollup());
        alsoOnL1.accept(l1);
        if (resume != null) {
            l1.restore(resume.l1Blocks(), resume.excessBlobGas(), resume.l1BaseFee(), resume.l1Finalized());
        }
        l1.onBlock(b -> store.l1Block(b, l1.excessBlobGas(), l1.baseFee(), l1.finalizedNumber()));
        this.node = new RollupNode(options.rollup(), genesis, l1, scheduler, events, store, metrics, resume != null ? resume.node() : null,
                new L1Signer(DevAccounts.relayer().address(), DevAccounts.relayer()::sign));
        // after the node's listener: its verifier's rewound checkpoint is written in the same transaction
        l1.onReorg(r -> store.l1Reorg(r.fromNumber(), r.replacements(), l1.excessBlobGas(), l1.baseFee(), l1.finalizedNumber()));
        this.applied = new dev.rollupstudio.runtime.AppliedChanges(options.rollup().chainId(), l1, node.chain());
        if (node.da() instanceof ExternalDa external) {
            if (resume != null) external.restore(resume.daBlobs());
            external.onStored(store::daBlob);
        }
        if (resume != null) node.replayL1(resume.l1Blocks());
        publishStatus();
        events.subscribe(e -> {
            if (!(e instanceof TxRejected) && !(e instanceof TxDropped)) publishStatus(); // per block, slot, batch, output or head change; not per transaction
        });
        l1.start();
        node.start();
    }

    /** Loop thread: takes a fresh snapshot for readers on other threads. */
    private void publishStatus() {
        var heads = node.heads();
        status = new ChainStatus(options.rollup().chainId(), node.chain().head().number(), heads.safe(), heads.finalized(), l1.head().number(),
                node.pool().size(), metrics.submittedCount(), metrics.includedCount(), metrics.rejectedCount(), metrics.blocks(), metrics.batches(),
                metrics.outputs(), scheduler.now(), metrics.droppedCount(), reasons());
        if (node.fastFinality() != null) mach = node.fastFinality().status();
        if (node.vital() != null) vital = node.vital().status();
        governance = applied.list();
    }

    /** What ALT governance changed in this rollup and from which L2 block; safe from any thread. */
    public java.util.List<dev.rollupstudio.runtime.AppliedChanges.Applied> governance() {
        return governance;
    }

    /** The latest snapshot of VITAL's operators, or null on a stack without VITAL; safe from any thread. */
    public dev.rollupstudio.runtime.security.OutputVerification.VitalStatus vital() {
        return vital;
    }

    /** Refusals by reason, most frequent first. */
    private java.util.Map<String, Long> reasons() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        metrics.rejectedByReason().entrySet().stream().sorted(java.util.Map.Entry.<dev.rollupstudio.runtime.rollup.TxRejection.Reason, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey().name(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The latest snapshot of MACH's operators and fast-final head, or null on a stack without MACH; safe from any thread. */
    public dev.rollupstudio.runtime.security.MachStatus mach() {
        return mach;
    }

    /** The latest snapshot of this rollup; safe from any thread. */
    public ChainStatus status() {
        return status;
    }

    /** The options' genesis, or the dev genesis: the dev accounts funded, the Studio Token minted to them, the Studio Collectible. */
    public static Genesis genesisOf(RuntimeOptions options) {
        if (options.genesis() != null) return options.genesis();
        List<Address> accounts = DevAccounts.addresses(options.mnemonic(), options.devAccounts());
        return GenesisContracts.add(DevGenesis.of(options.rollup().chainId(), accounts, options.devBalance()), accounts);
    }

    /** A runtime in memory only, from the options' genesis (or the dev genesis). */
    public static RollupRuntime inMemory(RuntimeOptions options) {
        return new RollupRuntime(options, genesisOf(options), RuntimeStore.NONE, null);
    }

    /** Submits on the loop thread; senders are recovered on all cores first. */
    public void submitAll(List<Transaction> txs) {
        RollupNode.recoverSenders(txs);
        for (Transaction tx : txs) node.submit(tx, -1);
    }

    /** As a wallet sends: see {@link RollupNode#submitAsClients}. */
    public void submitAsClients(List<Transaction> txs) {
        node.submitAsClients(txs);
    }

    /** The nonce a client sends next from {@code sender} (loop thread). */
    public long pendingNonce(Address sender) {
        return node.pendingNonce(sender);
    }

    /** See {@link RollupNode#pricedOut}. */
    public java.util.List<Transaction> pricedOut(Address sender, BigInteger baseFee) {
        return node.pricedOut(sender, baseFee);
    }

    /** From any thread: recovers the senders (and the data-fee input) here, then hands the transactions to the loop. */
    public void submitFromAnyThread(List<Transaction> txs) {
        for (Transaction tx : txs) {
            tx.sender();
            tx.fastLzLength();
        }
        long wall = WallClock.nanos();
        scheduler.post(() -> {
            for (Transaction tx : txs) node.submit(tx, wall);
        });
    }

    public void runFor(long simMillis) {
        scheduler.runUntil(scheduler.now() + simMillis);
    }

    public void runBlocks(long blocks) {
        long target = node.chain().head().number() + blocks;
        scheduler.run(() -> node.chain().head().number() >= target);
    }

    public Scheduler scheduler() { return scheduler; }
    public EventBus events() { return events; }
    public EmbeddedL1 l1() { return l1; }
    public RollupNode node() { return node; }
    public RunMetrics metrics() { return metrics; }
    public DevAccounts accounts() { return accounts; }
    public RuntimeOptions options() { return options; }

    @Override public void close() {
        scheduler.stop();
        store.close();
    }
}
