package dev.rollupstudio.host;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RunMetrics;
import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.rollup.L1Signer;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.Scheduler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The devnet: one clock and one embedded L1 with the rollups on it, each seen through a
 * read-only view. The loop runs on the thread that calls {@link #run}; everything else reads the
 * views or asks the loop through them.
 */
public final class DevnetHost implements AutoCloseable {
    private volatile RollupRuntime runtime;
    private final L1ChainView l1;
    private final RollupChainView first;
    private final List<RollupChainView> rollups = new CopyOnWriteArrayList<>();
    /** Every rollup view this host made, by chain id: a revert points them at the rollups built again. */
    private final Map<Long, RollupChainView> views = new HashMap<>();
    /** Null when the devnet cannot revert (it writes to a database, which keeps what happened). */
    private final Journal journal;
    private final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();
    private long nextSnapshot = 1;
    /** The databases of further rollups, closed with the host. */
    private final List<RuntimeStore> stores = new CopyOnWriteArrayList<>();

    /** Where a snapshot was taken: how many inputs had run, how many clock tasks, at what time. */
    private record Snapshot(int inputs, long executed, long nowMillis) {}

    /** Views over a runtime that is not running yet (or call it on its loop thread). It cannot revert to snapshots. */
    public DevnetHost(RollupRuntime runtime, String rollupName) {
        this(runtime, rollupName, false);
    }

    private DevnetHost(RollupRuntime runtime, String rollupName, boolean revertible) {
        this.runtime = runtime;
        this.l1 = new L1ChainView(runtime.l1(), runtime.scheduler());
        this.first = new RollupChainView(runtime.node(), runtime.scheduler(), runtime.events(), rollupName);
        this.journal = revertible ? new Journal(runtime.scheduler()) : null;
        l1.journal(journal);
        first.journal(journal);
        rollups.add(first);
        views.put(first.chainId(), first);
    }

    /** A devnet in memory, from the options' genesis, that can snapshot and revert (evm_snapshot, evm_revert). */
    public static DevnetHost inMemory(RuntimeOptions options, String rollupName) {
        return new DevnetHost(RollupRuntime.inMemory(options), rollupName, true);
    }

    /**
     * Adds a rollup on the same L1, from the dev genesis, in memory (call before {@link #run} or
     * on the loop thread): its portal and oracle are registered on L1, its relayer funded there,
     * and it seals blocks from the next block time on.
     */
    public RollupChainView addRollup(RollupConfig config, String name) {
        long id = config.chainId();
        if (id == EmbeddedL1.CHAIN_ID || rollups.stream().anyMatch(r -> r.chainId() == id)) {
            throw new IllegalArgumentException("chain id " + id + " is taken on this devnet; give the rollup another");
        }
        if (journal != null) journal.record(() -> attach(config, name, null, true, dev.rollupstudio.runtime.rollup.Sequencer.anchorFor(runtime.l1())));
        return attach(config, name, null, true, dev.rollupstudio.runtime.rollup.Sequencer.anchorFor(runtime.l1()));
    }

    /**
     * Adds a rollup that keeps its chain in {@code store} (loop thread): registered on the L1 now
     * and anchored to its head, like {@link #addRollup}, but a crash of it can be recovered
     * ({@link #kill}, {@link #recover}). Not on a devnet that journals for snapshots.
     */
    public RollupChainView addRollup(RollupConfig config, String name, RuntimeStore store) {
        if (journal != null) throw new IllegalStateException("a devnet in memory that can revert keeps no rollup in a database");
        stores.add(store);
        return attach(config, name, new Stored(store, null, Map.of()), true, dev.rollupstudio.runtime.rollup.Sequencer.anchorFor(runtime.l1()));
    }

    /**
     * Loop thread: the rollup's node dies as a crashed process would. It seals, batches and reads
     * L1 no more, keeps nothing past what each block committed to its store (the pool is lost),
     * and its store is closed; the L1 and the other rollups run on. {@link #recover} brings it back.
     */
    public void kill(long chainId) {
        RollupChainView v = views.get(chainId);
        if (v == null || !rollups.contains(v)) throw new IllegalArgumentException("no running rollup with chain id " + chainId + " on this devnet");
        v.node().stop();
        rollups.remove(v);
        RuntimeStore store = v.node().store();
        stores.remove(store);
        store.close();
    }

    /**
     * Loop thread: a killed rollup comes back from its store ({@code stored}: reopened, with where
     * to resume), anchored to the L1 block it was first anchored to; its verifier reads the L1
     * again and its batcher posts what L1 does not carry yet. Its view follows the new node.
     */
    public RollupChainView recover(RollupConfig config, String name, Stored stored, long anchorL1) {
        stores.add(stored.store());
        return attach(config, name, stored, false, anchorL1);
    }

    /**
     * Adds a rollup that keeps its chain in {@code stored}'s store and resumes from it (call before
     * {@link #run}): it was registered on the L1 with {@link #registerOnL1} before the L1's stored
     * blocks ran again, and now reads those blocks again through its verifier.
     */
    public RollupChainView addStoredRollup(RollupConfig config, String name, Stored stored) {
        if (journal != null) throw new IllegalStateException("a devnet in memory keeps no rollup in a database");
        RollupChainView view = attach(config, name, stored, false, 0);
        stores.add(stored.store());
        return view;
    }

    /** A further rollup's own database and, when it held a chain, where to resume. */
    public record Stored(RuntimeStore store, RollupNode.Resume resume, Map<dev.rollupstudio.types.Hash, byte[]> daBlobs) {}

    /** The genesis a further rollup starts from: the dev genesis with its chain id. */
    public static Genesis genesisOf(RuntimeOptions options, RollupConfig config) {
        return RollupRuntime.genesisOf(options.withRollup(config).withGenesis(null));
    }

    /** Registers a further rollup's portal and oracle on the L1 and funds its relayer there. */
    public static void registerOnL1(EmbeddedL1 l1, RollupConfig config, Genesis genesis) {
        l1.registerRollup(config, genesis.totalSupply());
        l1.ledger().credit(DevAccounts.relayer(config.chainId()).address(), DevGenesis.BALANCE);
        l1.ledger().credit(dev.rollupstudio.runtime.l1.SystemContracts.proposer(config.chainId()), DevGenesis.BALANCE); // for its output bonds
        dev.rollupstudio.runtime.security.Restaking.join(l1, config);
    }

    private RollupChainView attach(RollupConfig config, String name, Stored stored, boolean register, long anchorL1) {
        long id = config.chainId();
        Genesis genesis = genesisOf(runtime.options(), config);
        EmbeddedL1 embedded = runtime.l1();
        if (register) registerOnL1(embedded, config, genesis);
        DevAccounts.Account relayer = DevAccounts.relayer(id);
        EventBus events = new EventBus();
        RollupNode node = new RollupNode(config, genesis, embedded, runtime.scheduler(), events, stored != null ? stored.store() : RuntimeStore.NONE,
                new RunMetrics(), stored != null ? stored.resume() : null, new L1Signer(relayer.address(), relayer::sign), anchorL1);
        if (stored != null && node.da() instanceof dev.rollupstudio.runtime.da.ExternalDa external) {
            external.restore(stored.daBlobs());
            external.onStored(stored.store()::daBlob);
        }
        if (stored != null && stored.resume() != null) {
            List<dev.rollupstudio.runtime.l1.L1Block> l1Blocks = new java.util.ArrayList<>();
            for (long n = 1; n <= embedded.head().number(); n++) l1Blocks.add(embedded.block(n));
            node.replayL1(l1Blocks);
        }
        RollupChainView view = views.get(id);
        if (view == null) {
            view = new RollupChainView(node, runtime.scheduler(), events, name);
            view.journal(journal);
            views.put(id, view);
        } else {
            view.rebind(node, events);
        }
        node.start();
        rollups.add(view);
        return view;
    }

    /** Thread-safe {@link #snapshot} (evm_snapshot). */
    public CompletableFuture<Long> takeSnapshot() {
        return runtime.scheduler().ask(this::snapshot);
    }

    /** Thread-safe {@link #revert} (evm_revert). */
    public CompletableFuture<Boolean> revertTo(long id) {
        return runtime.scheduler().ask(() -> revert(id));
    }

    /** Loop thread: from now on snapshots and reverts are refused with {@code why} (something happened that does not rewind). */
    public void refuseRevert(String why) {
        noRevert = why;
        snapshots.clear();
    }

    private String noRevert;

    /** Loop thread: marks the whole devnet's present (the L1 and every rollup) and returns its id. */
    public long snapshot() {
        if (journal == null) throw new UnsupportedOperationException(NO_REVERT);
        if (noRevert != null) throw new UnsupportedOperationException(noRevert);
        long id = nextSnapshot++;
        snapshots.put(id, new Snapshot(journal.size(), runtime.scheduler().executed(), runtime.scheduler().now()));
        return id;
    }

    private static final String NO_REVERT = "this devnet writes to a database (the studio's, or node --db), which keeps every block;"
            + " snapshots need a devnet in memory: rollup-studio node without --db";

    /**
     * Loop thread: takes the whole devnet back to snapshot {@code id}, as Anvil does: that
     * snapshot and later ones are used up. The devnet is built again from genesis and its
     * journal run again to that point at full speed; the views follow the new chains.
     * Returns false when there is no such snapshot.
     */
    public boolean revert(long id) {
        if (journal == null) throw new UnsupportedOperationException(NO_REVERT);
        if (noRevert != null) throw new UnsupportedOperationException(noRevert);
        Snapshot s = snapshots.get(id);
        if (s == null) return false;
        snapshots.tailMap(id, true).clear();
        Scheduler scheduler = runtime.scheduler();
        RuntimeOptions options = runtime.options();
        Genesis genesis = RollupRuntime.genesisOf(options);
        scheduler.restart(genesis.timestamp() * 1000);
        List<RollupChainView> before = List.copyOf(rollups);
        views.values().forEach(v -> v.quiet(true));
        l1.quiet(true);
        try {
            runtime = new RollupRuntime(options, genesis, RuntimeStore.NONE, null, scheduler);
            rollups.clear();
            l1.rebind(runtime.l1());
            first.rebind(runtime.node(), runtime.events());
            rollups.add(first);
            for (Journal.Entry e : journal.keep(s.inputs())) {
                scheduler.runUntilExecuted(e.executed());
                try {
                    e.action().run();
                } catch (RuntimeException refused) {
                    // it was refused the first time too, the same way
                }
            }
            scheduler.runUntilExecuted(s.executed());
        } finally {
            views.values().forEach(v -> v.quiet(false));
            l1.quiet(false);
            scheduler.resumePace();
        }
        for (RollupChainView gone : before) if (!rollups.contains(gone)) gone.node().stop(); // added after the snapshot
        return true;
    }

    /** Stops a rollup and drops it from the host (loop thread); the others run on. */
    public void removeRollup(long chainId) {
        if (rollups.stream().noneMatch(v -> v.chainId() == chainId)) {
            throw new IllegalArgumentException("no rollup with chain id " + chainId + " on this devnet");
        }
        if (journal != null) journal.record(() -> detach(chainId));
        detach(chainId);
    }

    /**
     * Loop thread: the rollup dissolved. It stops and leaves the host, its node is let go (state,
     * pool, verifier: its memory), and its view stays readable as the archive (blocks, receipts,
     * the final state), refusing anything else with {@code what}.
     */
    public void dissolve(long chainId, String what) {
        removeRollup(chainId);
        RollupChainView v = journal == null ? views.remove(chainId) : views.get(chainId);
        v.retire(what);
    }

    private void detach(long chainId) {
        RollupChainView r = views.get(chainId);
        r.node().stop();
        rollups.remove(r);
    }

    public L1ChainView l1() {
        return l1;
    }

    public List<RollupChainView> rollups() {
        return rollups;
    }

    /** The runtime now running (a revert builds another). */
    public RollupRuntime runtime() {
        return runtime;
    }

    /** Runs the loop on this thread until {@link #stop}. */
    public void run() {
        runtime.scheduler().run(() -> false);
    }

    /** Thread-safe: asks the loop to stop; {@link #run} returns soon after. */
    public void stop() {
        runtime.scheduler().stop();
    }

    @Override public void close() {
        runtime.close();
        for (RuntimeStore s : stores) s.close();
    }
}
