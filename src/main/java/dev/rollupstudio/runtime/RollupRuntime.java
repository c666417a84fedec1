package dev.rollupstudio.runtime;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.metrics.RunMetrics;
import dev.rollupstudio.runtime.da.ExternalDa;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.rollup.Sequencer;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.workload.TransferWorkload;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * A running embedded stack: the clock, the L1, one rollup node and optional generated load.
 * The CLI and the studio both drive the runtime through this class.
 */
public final class RollupRuntime implements AutoCloseable {
    private static final long WORKLOAD_TICK_MILLIS = 100;

    private final RuntimeOptions options;
    private final Scheduler scheduler;
    private final EventBus events = new EventBus();
    private final EmbeddedL1 l1;
    private final RollupNode node;
    private final DevAccounts accounts;
    private final RuntimeStore store;
    private final RunMetrics metrics = new RunMetrics();

    /** A runtime writing to {@code store}, resumed from {@code resume} when it is not null. */
    public RollupRuntime(RuntimeOptions options, Genesis genesis, RuntimeStore store, StoredRuntime resume) {
        this.options = options;
        this.store = store;
        this.accounts = DevAccounts.derive(options.devAccounts());
        long start = resume != null ? resume.nowMillis() : genesis.timestamp() * 1000;
        this.scheduler = new Scheduler(start, options.pace());
        this.l1 = new EmbeddedL1(options.l1(), scheduler, events, options.seed(), genesis.timestamp() * 1000);
        for (Address a : accounts.addresses()) l1.ledger().credit(a, DevGenesis.BALANCE);
        l1.lockGenesisSupply(options.rollup().chainId(), genesis.totalSupply());
        if (resume != null) l1.restore(resume.l1Blocks(), resume.excessBlobGas(), resume.l1BaseFee(), resume.l1Finalized(), resume.outputs());
        l1.onBlock(b -> store.l1Block(b, l1.excessBlobGas(), l1.baseFee(), l1.finalizedNumber()));
        this.node = new RollupNode(options.rollup(), genesis, l1, scheduler, events, store, metrics, resume != null ? resume.node() : null);
        if (node.da() instanceof ExternalDa external) {
            if (resume != null) external.restore(resume.daBlobs());
            external.onStored(store::daBlob);
        }
        if (resume != null) node.replayL1(resume.l1Blocks());
        l1.start();
        node.start();
    }

    /** The options' genesis, or the dev genesis funding the dev accounts. */
    public static Genesis genesisOf(RuntimeOptions options) {
        if (options.genesis() != null) return options.genesis();
        return DevGenesis.of(options.rollup().chainId(), DevAccounts.derive(options.devAccounts()).addresses());
    }

    /** A runtime in memory only, from the options' genesis (or the dev genesis). */
    public static RollupRuntime inMemory(RuntimeOptions options) {
        return new RollupRuntime(options, genesisOf(options), RuntimeStore.NONE, null);
    }

    /**
     * Generated transfers at {@code tps} per simulated second, from the first {@code senders} dev
     * accounts, until {@code maxTxs} were sent; plus, when {@code deposits}, one L1 deposit per
     * slot from the other dev accounts.
     */
    public void startWorkload(double tps, double withdrawalShare, boolean deposits, long maxTxs) {
        startWorkload(() -> tps, () -> withdrawalShare, deposits, maxTxs);
    }

    /** As above, with a rate and a withdrawal share read at every tick (a slider, a scenario). */
    public void startWorkload(DoubleSupplier tps, DoubleSupplier withdrawalShare, boolean deposits, long maxTxs) {
        TransferWorkload load = new TransferWorkload(accounts, options.senders(), options.rollup().chainId(), options.seed(), node.state(),
                withdrawalShare.getAsDouble());
        double[] carry = {0};
        long[] sent = {0};
        scheduler.every(scheduler.now() + WORKLOAD_TICK_MILLIS, WORKLOAD_TICK_MILLIS, 2, () -> {
            carry[0] += tps.getAsDouble() * WORKLOAD_TICK_MILLIS / 1000.0;
            int n = (int) Math.min(carry[0], maxTxs - sent[0]);
            carry[0] -= (int) carry[0];
            sent[0] += n;
            if (n == 0) return;
            load.setWithdrawalShare(withdrawalShare.getAsDouble());
            BigInteger baseFee = Sequencer.nextBaseFee(options.rollup(), node.chain().head());
            submitAll(load.next(n, baseFee));
        });
        if (deposits && accounts.size() > options.senders()) {
            SplittableRandom rnd = new SplittableRandom(options.seed() + 7);
            long slot = options.l1().slotMillis();
            scheduler.every(scheduler.now() + slot / 2, slot, 2, () -> {
                if (sent[0] >= maxTxs) return;
                Address from = accounts.address(options.senders() + rnd.nextInt(accounts.size() - options.senders()));
                Address to = accounts.address(rnd.nextInt(accounts.size()));
                l1.deposit(options.rollup().chainId(), from, to, DevGenesis.ETH.divide(BigInteger.TEN).multiply(BigInteger.valueOf(1 + rnd.nextInt(10))));
            });
        }
    }

    /** Submits on the loop thread; senders are recovered on all cores first. */
    public void submitAll(List<Transaction> txs) {
        txs.parallelStream().forEach(tx -> {
            tx.sender();
            tx.fastLzLength();
        });
        for (Transaction tx : txs) node.submit(tx, -1);
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
