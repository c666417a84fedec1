package dev.rollupstudio.ephemeral;

import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The ephemeral rollups of one devnet: spawns them (by hand, at a sim time, or when a parent
 * rollup is overloaded), moves each through its phases on the loop thread, settles it on L1 and
 * dissolves it. Other threads read {@link #statuses()} and {@link #events()}, and ask for spawns
 * and dissolutions through the thread-safe methods.
 */
public final class Ephemerals {
    /** How often the lifecycle is looked at, in sim time. */
    static final long TICK_MILLIS = 500;
    private static final int PRIORITY = 3;
    /** Chain ids of ephemeral rollups start here (the persistent ones use 901 and up). */
    public static final long FIRST_CHAIN_ID = 7_001;

    private final DevnetHost host;
    /** Written on the loop thread; {@link #view} reads it from others. */
    private final Map<Long, EphemeralRollup> rollups = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<PhaseChange> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<PhaseChange>> listeners = new CopyOnWriteArrayList<>();
    private final List<LoadWatch> watches = new ArrayList<>();
    private volatile List<EphemeralStatus> statuses = List.of();
    private volatile String elsewhere = "send to the parent chain or to L1 instead";
    private long nextChainId = FIRST_CHAIN_ID;
    /** ETH the L1 created when rollups registered: each one's genesis backing in its portal and its relayer's funds. */
    private volatile BigInteger mintedOnL1 = BigInteger.ZERO;

    /**
     * What to spawn: a name, the rollup's configuration (its lifecycle ephemeral), the RaaS fee in
     * ALT and who pays it on L1, and what asked for it (shown in the event log).
     */
    /** A launch: its name, its config, the RaaS fee and who pays it, why, and its components ("layer/id"), each of which the RaaS catalog on L1 must list. */
    public record Request(String name, RollupConfig config, BigDecimal feeAlt, Address payer, String trigger, List<String> components) {}

    /**
     * Where each rollup keeps its chain, so that a crash of its node can be recovered: a fresh
     * store for a new rollup, and after a crash the store reopened with where to resume.
     */
    public interface Stores {
        dev.rollupstudio.runtime.RuntimeStore open(long chainId, RollupConfig config);

        DevnetHost.Stored reopen(long chainId, RollupConfig config);
    }

    private final Stores stores;

    /** Starts watching the lifecycles (before the loop runs, or on it); the rollups live in memory. */
    public Ephemerals(DevnetHost host) {
        this(host, null);
    }

    /** As above, each rollup keeping its chain in {@code stores} (null: in memory), so a killed one recovers. */
    public Ephemerals(DevnetHost host, Stores stores) {
        this.host = host;
        this.stores = stores;
    }

    /**
     * Starts looking at the lifecycles with the first rollup asked for, not before: a devnet that
     * never spawns one runs exactly the tasks it ran before (its snapshots replay by task count).
     * A devnet that did spawn one can no longer revert to a snapshot: ephemeral rollups do not rewind.
     */
    private void ensureTicking() {
        if (ticking) return;
        ticking = true;
        host.refuseRevert("evm_snapshot and evm_revert are off on this devnet since an ephemeral rollup was spawned on it (settlements on L1"
                + " and dissolved rollups do not rewind); restart the node to use them again");
        Scheduler s = scheduler();
        s.every(s.now() + TICK_MILLIS, TICK_MILLIS, PRIORITY, this::tick);
    }

    private boolean ticking;

    private Scheduler scheduler() {
        return host.runtime().scheduler();
    }

    private EmbeddedL1 l1() {
        return host.runtime().l1();
    }

    /** Where a late transaction should go instead: the sentence ending every refusal. */
    public void elsewhere(String sentence) {
        elsewhere = sentence;
    }

    /** Thread-safe {@link #spawn}. */
    public CompletableFuture<EphemeralStatus> request(Request r) {
        return scheduler().ask(() -> spawn(r).status(scheduler().now()));
    }

    /** Thread-safe {@link #dissolve}. */
    public CompletableFuture<EphemeralStatus> requestDissolve(long chainId, String why) {
        return scheduler().ask(() -> dissolve(chainId, why).status(scheduler().now()));
    }

    /**
     * Loop thread: REQUESTED, then PROVISIONING at once (the RaaS fee paid in ALT from the payer
     * to the treasury on L1), then ACTIVE after the provisioning time, with its first block a
     * block time later. A component the RaaS catalog on L1 does not list, or a payer short of
     * ALT, fails it with the reason.
     */
    public EphemeralRollup spawn(Request r) {
        if (!r.config().lifecycle().ephemeral()) throw new IllegalArgumentException(r.name() + " is not ephemeral: choose the Ephemeral lifecycle for it");
        ensureTicking();
        long id = chainId(r.config().chainId());
        RollupConfig config = r.config().withChainId(id);
        EphemeralRollup e = new EphemeralRollup(id, r.name(), config, r.trigger(), r.feeAlt());
        rollups.put(id, e);
        long now = scheduler().now();
        move(e, Phase.REQUESTED, r.trigger());
        String unlisted = r.components().stream().filter(k -> !dev.rollupstudio.contracts.ComponentCatalog.isAdmitted(l1().state(), k)).findFirst().orElse(null);
        if (unlisted != null) {
            fail(e, "the RaaS catalog on L1 does not list " + unlisted + "; ALT governance admits components: rollup-studio gov propose --admit "
                    + unlisted + ", then vote, queue and execute it");
            return e;
        }
        BigInteger fee = r.feeAlt().movePointRight(Alt.DECIMALS).toBigInteger();
        BigInteger has = Alt.balance(l1().state(), Alt.L1_TOKEN, r.payer());
        if (has.compareTo(fee) < 0) {
            fail(e, "the payer " + r.payer() + " holds " + new BigDecimal(has).movePointLeft(Alt.DECIMALS).stripTrailingZeros().toPlainString()
                    + " ALT, less than the RaaS fee of " + r.feeAlt().stripTrailingZeros().toPlainString() + " ALT; fund it with ALT on L1");
            return e;
        }
        if (fee.signum() > 0) Alt.devnetTransfer(l1().state(), EmbeddedL1.CHAIN_ID, r.payer(), Alt.TREASURY, fee);
        move(e, Phase.PROVISIONING, "RaaS fee " + r.feeAlt().stripTrailingZeros().toPlainString() + " ALT paid; provisioning takes "
                + config.lifecycle().provisioningMillis() / 1000 + " s");
        scheduler().at(now + config.lifecycle().provisioningMillis(), PRIORITY, () -> {
            if (e.phase() != Phase.PROVISIONING) return;
            BigInteger before = l1Eth();
            e.anchor(dev.rollupstudio.runtime.rollup.Sequencer.anchorFor(l1()));
            RollupChainView view = stores == null ? host.addRollup(config, r.name()) : host.addRollup(config, r.name(), stores.open(id, config));
            mintedOnL1 = mintedOnL1.add(l1Eth().subtract(before));
            e.activate(view, scheduler().now());
            move(e, Phase.ACTIVE, "first block in " + config.blockTimeMillis() / 1000.0 + " s; lives " + config.lifecycle().lifetimeMillis() / 1000 + " s");
        });
        publish();
        return e;
    }

    private long chainId(long wanted) {
        if (wanted >= FIRST_CHAIN_ID && !taken(wanted)) return wanted;
        while (taken(nextChainId)) nextChainId++;
        return nextChainId++;
    }

    private boolean taken(long id) {
        return id == EmbeddedL1.CHAIN_ID || rollups.containsKey(id) || host.rollups().stream().anyMatch(v -> v.chainId() == id);
    }

    /** Loop thread: ends it early. A live rollup drains and settles; one still provisioning fails (nothing ran on it). */
    public EphemeralRollup dissolve(long chainId, String why) {
        EphemeralRollup e = rollups.get(chainId);
        if (e == null) throw new IllegalArgumentException("no ephemeral rollup with chain id " + chainId + " on this devnet");
        switch (e.phase()) {
            case ACTIVE -> drain(e, why);
            case REQUESTED, PROVISIONING -> fail(e, "dissolved before it went live: " + why);
            default -> { } // already ending
        }
        return e;
    }

    /** Thread-safe {@link #kill}. */
    public CompletableFuture<EphemeralStatus> requestKill(long chainId) {
        return scheduler().ask(() -> kill(chainId).status(scheduler().now()));
    }

    /**
     * Loop thread: a fault a tester injects. The rollup's node dies as a crashed process would
     * (its pool lost, nothing past its last committed block); the next look at the lifecycles
     * brings it back from its database, in the phase it was in, and it goes on to settle once.
     */
    public EphemeralRollup kill(long chainId) {
        EphemeralRollup e = rollups.get(chainId);
        if (e == null || e.phase().isEnd() || e.view() == null) throw new IllegalArgumentException("no live ephemeral rollup with chain id " + chainId);
        if (stores == null) throw new IllegalStateException("rollup " + chainId + " keeps no database to recover from: give the devnet's ephemeral rollups a store");
        e.crashed(host);
        PhaseChange c = new PhaseChange(scheduler().now(), chainId, e.name(), e.phase(), e.phase(), "killed while " + e.phase().label()
                + ": its node stopped at block " + e.view().heads().latest() + "; recovering from its database");
        note(c);
        return e;
    }

    /** Brings a killed rollup back from its store, in the phase it was in. */
    private void recover(EphemeralRollup e) {
        RollupChainView view = host.recover(e.config(), e.name(), stores.reopen(e.chainId(), e.config()), e.anchor());
        e.recovered(view, elsewhere);
        note(new PhaseChange(scheduler().now(), e.chainId(), e.name(), e.phase(), e.phase(), "recovered from its database at block "
                + view.heads().latest() + "; " + e.phase().label() + " goes on"));
    }

    /**
     * Spawns from {@code template} when {@code parent}'s pool holds more than {@code poolAbove}
     * transactions, or it serves more than {@code tpsAbove}, for {@code forMillis} on end; one at
     * a time: the next only after the last has ended. {@code onSpawn} hears each (the workload
     * moves there).
     */
    public void watchLoad(RollupChainView parent, int poolAbove, double tpsAbove, long forMillis, java.util.function.Supplier<Request> template,
                          Consumer<EphemeralRollup> onSpawn) {
        ensureTicking();
        watches.add(new LoadWatch(parent, poolAbove, tpsAbove, forMillis, template, onSpawn));
    }

    private final class LoadWatch {
        final RollupChainView parent;
        final int poolAbove;
        final double tpsAbove;
        final long forMillis;
        final java.util.function.Supplier<Request> template;
        final Consumer<EphemeralRollup> onSpawn;
        long overSince = -1;
        /** (sim millis, transactions so far) over the last few blocks: tx/s is read over whole blocks, not one tick. */
        final java.util.ArrayDeque<long[]> seen = new java.util.ArrayDeque<>();
        EphemeralRollup spawned;

        LoadWatch(RollupChainView parent, int poolAbove, double tpsAbove, long forMillis, java.util.function.Supplier<Request> template,
                  Consumer<EphemeralRollup> onSpawn) {
            this.parent = parent;
            this.poolAbove = poolAbove;
            this.tpsAbove = tpsAbove;
            this.forMillis = forMillis;
            this.template = template;
            this.onSpawn = onSpawn;
        }

        void check(long now) {
            RollupNode p = parent.node();
            long txs = p.chain().totals().txCount();
            seen.addLast(new long[] {now, txs});
            long window = Math.max(4_000, 3 * p.config().blockTimeMillis());
            while (seen.size() > 2 && seen.peekFirst()[0] < now - window) seen.removeFirst();
            long[] first = seen.peekFirst();
            double tps = now == first[0] ? 0 : (txs - first[1]) * 1000.0 / (now - first[0]);
            boolean over = p.pool().size() > poolAbove || tps > tpsAbove;
            if (!over) {
                overSince = -1;
                return;
            }
            if (overSince < 0) overSince = now;
            if (now - overSince < forMillis || (spawned != null && !spawned.phase().isEnd())) return;
            Request r = template.get();
            spawned = spawn(new Request(r.name(), r.config(), r.feeAlt(), r.payer(), "load: " + parent.name() + " held "
                    + p.pool().size() + " pooled, " + Math.round(tps) + " tx/s for " + forMillis / 1000 + " s", r.components()));
            overSince = -1;
            onSpawn.accept(spawned);
        }
    }

    private void tick() {
        long now = scheduler().now();
        for (LoadWatch w : watches) w.check(now);
        for (EphemeralRollup e : List.copyOf(rollups.values())) {
            try {
                advance(e, now);
            } catch (RuntimeException ex) {
                fail(e, "the runtime failed while it was " + e.phase().label() + ": " + ex.getMessage());
            }
        }
        publish();
    }

    private void advance(EphemeralRollup e, long now) {
        if (e.isCrashed()) {
            recover(e);
            return;
        }
        switch (e.phase()) {
            case ACTIVE -> {
                long lifetime = e.config().lifecycle().lifetimeMillis();
                long idle = e.config().lifecycle().idleTimeoutMillis();
                if (now - e.enteredAt(Phase.ACTIVE) >= lifetime) drain(e, "its lifetime of " + lifetime / 1000 + " s ended");
                else if (idle > 0 && now - e.lastActivity() >= idle) drain(e, "idle for " + idle / 1000 + " s");
            }
            case DRAINING -> {
                if (e.drained(now)) move(e, Phase.SETTLING, "final block " + e.view().node().chain().head().number() + " sealed; posting the final batch and output");
            }
            case SETTLING -> {
                String step = e.settleStep(l1(), now);
                if (step == null) return;
                if (!step.equals("settle")) {
                    fail(e, step);
                    return;
                }
                settle(e);
            }
            default -> { }
        }
    }

    private void drain(EphemeralRollup e, String why) {
        e.beginDrain(l1(), elsewhere);
        move(e, Phase.DRAINING, why);
    }

    private void settle(EphemeralRollup e) {
        List<RollupNode> live = new ArrayList<>();
        for (RollupChainView v : host.rollups()) if (v.chainId() != e.chainId()) live.add(v.node());
        Settlement s = Settlement.settle(l1(), e.view().node(), live, e.altHolders());
        e.settled(s);
        String what = "rollup " + e.chainId() + " (" + e.name() + ") was dissolved; its balances were paid out on L1 (chain " + EmbeddedL1.CHAIN_ID
                + ") against its final state root " + s.stateRoot().toHex() + " at block " + s.finalBlock() + "; its blocks stay readable in the explorer";
        host.dissolve(e.chainId(), what);
        move(e, Phase.DISSOLVED, s.accountsCredited() + " accounts credited on L1; value " + (s.valueConserved() ? "conserved to the wei" : "NOT CONSERVED"));
    }

    private void fail(EphemeralRollup e, String why) {
        e.fail(why);
        move(e, Phase.FAILED, why);
        // it keeps running, closed: withdrawals already on their way still prove and finalize the normal way
        if (e.view() != null && e.view().dissolvedBecause() == null) {
            e.view().node().close("rollup " + e.chainId() + " (" + e.name() + ") failed and takes no new transactions: " + why);
        }
    }

    private void move(EphemeralRollup e, Phase to, String why) {
        Phase from = e.enteredAt(e.phase()) < 0 ? null : e.phase();
        e.enter(to, scheduler().now());
        note(new PhaseChange(scheduler().now(), e.chainId(), e.name(), from, to, why));
    }

    private void note(PhaseChange c) {
        events.add(c);
        for (Consumer<PhaseChange> l : listeners) l.accept(c);
        publish();
    }

    private void publish() {
        long now = scheduler().now();
        List<EphemeralStatus> out = new ArrayList<>();
        for (EphemeralRollup e : rollups.values()) out.add(e.status(now));
        statuses = List.copyOf(out);
    }

    private BigInteger l1Eth() {
        return l1().state().accounts().values().stream().map(a -> a.balance().value()).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /**
     * ETH the L1 created as rollups registered (the devnet backs each genesis allocation in its
     * portal, as if deposited, and funds its relayer): what a value check over a whole scenario adds in.
     */
    public BigInteger mintedOnL1() {
        return mintedOnL1;
    }

    /** Hears every phase change, on the loop thread. */
    public void onChange(Consumer<PhaseChange> listener) {
        listeners.add(listener);
    }

    /** Every rollup spawned, as of the last tick or change (any thread). */
    public List<EphemeralStatus> statuses() {
        return statuses;
    }

    /** Every phase change so far, oldest first (any thread). */
    public List<PhaseChange> events() {
        return List.copyOf(events);
    }

    /** The read-only view of a spawned rollup, live or dissolved (its archive), or null before it went live; any thread. */
    public dev.rollupstudio.host.ChainView view(long chainId) {
        EphemeralRollup e = rollups.get(chainId);
        return e == null ? null : e.view();
    }

    /** Loop thread. */
    public EphemeralRollup get(long chainId) {
        return rollups.get(chainId);
    }
}
