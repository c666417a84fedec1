package dev.rollupstudio.app;

import dev.rollupstudio.app.EphemeralScenario.Planned;
import dev.rollupstudio.app.EphemeralScenario.Traffic;
import dev.rollupstudio.ephemeral.EphemeralRollup;
import dev.rollupstudio.ephemeral.Ephemerals;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.ephemeral.Settlement;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.component.Ephemeral;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.workload.Load;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario of ephemeral rollups running on a devnet of its own: the parent rollup with its load,
 * each planned rollup spawned at its time and loaded while it is active, the overflow rule
 * watching the parent. Runs on the thread that calls {@link #run}; {@link #ephemerals()} is
 * readable from any thread while it does. Every figure the report needs is kept here.
 */
public final class ScenarioRun implements AutoCloseable {
    private final EphemeralScenario scenario;
    private final DevnetHost host;
    private final Ephemerals ephemerals;
    private final DevAccounts accounts;
    private final RuntimeOptions options;
    private final long startMillis;
    private final Map<String, BigInteger> valueAtStart;
    private final BigInteger[] burntOnL1 = {BigInteger.ZERO};
    private final java.nio.file.Path storeDir;
    private final Map<Long, Runnable> loads = new HashMap<>();
    /** When each rollup went live: its load's shape counts from there, across a recovery too. */
    private final Map<Long, Long> activeSince = new HashMap<>();
    /** Transactions each rollup's load has sent, across a recovery too (its maxTxs counts them all). */
    private final Map<Long, Long> sent = new HashMap<>();
    private int spawned;
    private volatile EphemeralRollup overflowing;

    public ScenarioRun(EphemeralScenario scenario, Pace pace) {
        this(scenario, pace, null);
    }

    /** With each ephemeral rollup's chain in a database under {@code storeDir} (null: in memory), so a killed one recovers. */
    public ScenarioRun(EphemeralScenario scenario, Pace pace, java.nio.file.Path storeDir) {
        this.scenario = scenario;
        RuntimeOptions base = RuntimeOptions.defaults().withPace(pace).withDevAccounts(DevAccounts.MNEMONIC, scenario.accounts(),
                dev.rollupstudio.state.DevGenesis.BALANCE);
        this.options = SpecRuntimes.options(scenario.parent(), Prices.defaults(), base);
        for (Planned p : scenario.rollups()) config(p.lifetimeSeconds()); // a template that cannot launch fails here, before anything runs
        this.host = new DevnetHost(RollupRuntime.inMemory(options), scenario.parent().name());
        this.accounts = host.runtime().accounts();
        this.storeDir = storeDir;
        this.ephemerals = new Ephemerals(host, storeDir == null ? null : new EphemeralStores(storeDir, host));
        ephemerals.elsewhere("send to the parent rollup, " + scenario.parent().name() + " (chain " + options.rollup().chainId() + "), instead");
        Scheduler s = host.runtime().scheduler();
        this.startMillis = s.now();
        this.valueAtStart = Settlement.value(host.runtime().l1(), List.of(host.runtime().node()));
        host.runtime().l1().onBlock(b -> {
            for (var r : b.receipts()) burntOnL1[0] = burntOnL1[0].add(b.baseFee().multiply(BigInteger.valueOf(r.gasUsed())));
        });
        ephemerals.onChange(c -> {
            if (c.to() == Phase.ACTIVE && c.from() == Phase.ACTIVE && c.why().startsWith("recovered")) { // its load goes on against the new node
                Runnable stop = loads.remove(c.chainId());
                if (stop != null) stop.run();
                startLoad(ephemerals.get(c.chainId()));
            } else if (c.to() == Phase.ACTIVE && c.from() != Phase.ACTIVE) startLoad(ephemerals.get(c.chainId()));
            else if (c.to().ordinal() > Phase.ACTIVE.ordinal()) {
                Runnable stop = loads.remove(c.chainId());
                if (stop != null) stop.run();
            }
        });
        for (Planned p : scenario.rollups()) {
            s.at(startMillis + p.atSeconds() * 1000, 3, () -> {
                spawned++;
                ephemerals.spawn(request(p.name(), p.lifetimeSeconds(), "scenario " + scenario.name() + ": planned at +" + p.atSeconds() + " s"));
            });
        }
        Traffic parentLoad = scenario.parentLoad();
        if (parentLoad != null) {
            RollupNode parent = host.runtime().node();
            Load.drive(s, parent, accounts, parentLoad.senders(), options.seed(), () -> overflowing != null && overflowing.phase() == Phase.ACTIVE ? 0
                    : parentLoad.rate(s.now() - startMillis), parentLoad::mix, parentLoad.maxTxs(), n -> { });
        }
        if (scenario.overflow() != null) {
            EphemeralScenario.Overflow o = scenario.overflow();
            ephemerals.watchLoad(host.rollups().get(0), o.poolAbove(), o.tpsAbove(), o.forSeconds() * 1000,
                    () -> request("overflow", o.lifetimeSeconds(), "load"), e -> overflowing = e);
        }
    }

    private Ephemerals.Request request(String name, long lifetimeSeconds, String trigger) {
        StackSpec spec = spec(lifetimeSeconds);
        BigDecimal fee = spec.lifecycle().launchFeeAlt(spec);
        return new Ephemerals.Request(name, config(lifetimeSeconds), fee, accounts.address(0), trigger, spec.componentKeys());
    }

    private StackSpec spec(long lifetimeSeconds) {
        StackSpec t = scenario.template().withChainId(Ephemerals.FIRST_CHAIN_ID);
        return lifetimeSeconds > 0 ? t.withParam(Layer.LIFECYCLE, Ephemeral.LIFETIME.key(), lifetimeSeconds) : t;
    }

    private RollupConfig config(long lifetimeSeconds) {
        return SpecRuntimes.options(spec(lifetimeSeconds), Prices.defaults(), RuntimeOptions.defaults()).rollup();
    }

    /** The planned load of a rollup that went live (the overflow rollup takes the parent's). */
    private void startLoad(EphemeralRollup e) {
        Traffic t = e == overflowing ? scenario.parentLoad()
                : scenario.rollups().stream().filter(p -> p.name().equals(e.name())).map(Planned::load).findFirst().orElse(null);
        if (t == null) return;
        Scheduler s = host.runtime().scheduler();
        long from = e == overflowing ? startMillis : activeSince.computeIfAbsent(e.chainId(), id -> s.now());
        RollupNode node = host.rollups().stream().filter(v -> v.chainId() == e.chainId()).findFirst().orElseThrow().node();
        long id = e.chainId();
        long left = Math.max(0, t.maxTxs() - sent.getOrDefault(id, 0L));
        loads.put(id, Load.drive(s, node, accounts, t.senders(), options.seed() + id + sent.getOrDefault(id, 0L), () -> t.rate(s.now() - from), t::mix, left,
                n -> sent.merge(id, n, Long::sum)));
    }

    /** Runs until every planned rollup has ended (dissolved or failed) and none is still to come, or the horizon passes. */
    public void run() {
        Scheduler s = host.runtime().scheduler();
        long horizon = startMillis + scenario.horizonSeconds() * 1000;
        s.run(() -> s.now() > horizon || (spawned == scenario.rollups().size()
                && ephemerals.statuses().stream().allMatch(st -> st.phase().isEnd())
                && (overflowing == null || overflowing.phase().isEnd())));
    }

    /** Thread-safe: spawns one more from the scenario's template, by hand (no load of its own). */
    public java.util.concurrent.CompletableFuture<dev.rollupstudio.ephemeral.EphemeralStatus> spawnByHand(String name) {
        return ephemerals.request(request(name, 0, "manual: spawned from the studio"));
    }

    /** Thread-safe: how fast sim time runs (a factor of real time). */
    public void setPace(Pace pace) {
        host.runtime().scheduler().setPace(pace);
    }

    /** Thread-safe: stops {@link #run} soon. */
    public void stop() {
        host.stop();
    }

    public EphemeralScenario scenario() { return scenario; }
    public Ephemerals ephemerals() { return ephemerals; }
    public DevnetHost host() { return host; }
    public long startMillis() { return startMillis; }
    Map<String, BigInteger> valueAtStart() { return valueAtStart; }
    BigInteger burntOnL1() { return burntOnL1[0]; }

    /** Closes the devnet and deletes the rollups' databases, if it kept any. */
    @Override public void close() {
        host.close();
        if (storeDir != null) Runtimes.delete(storeDir);
    }
}
