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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The devnet: one clock and one embedded L1 with the rollups on it, each seen through a
 * read-only view. The loop runs on the thread that calls {@link #run}; everything else reads the
 * views or asks the loop through them.
 */
public final class DevnetHost implements AutoCloseable {
    private final RollupRuntime runtime;
    private final L1ChainView l1;
    private final List<RollupChainView> rollups = new CopyOnWriteArrayList<>();

    /** Views over a runtime that is not running yet (or call it on its loop thread). */
    public DevnetHost(RollupRuntime runtime, String rollupName) {
        this.runtime = runtime;
        this.l1 = new L1ChainView(runtime.l1(), runtime.scheduler());
        rollups.add(new RollupChainView(runtime.node(), runtime.scheduler(), runtime.events(), rollupName));
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
        Genesis genesis = RollupRuntime.genesisOf(runtime.options().withRollup(config).withGenesis(null));
        EmbeddedL1 embedded = runtime.l1();
        embedded.registerRollup(id, genesis.totalSupply(), config.proof().delayMillis());
        DevAccounts.Account relayer = DevAccounts.relayer(id);
        embedded.ledger().credit(relayer.address(), DevGenesis.BALANCE);
        EventBus events = new EventBus();
        RollupNode node = new RollupNode(config, genesis, embedded, runtime.scheduler(), events, RuntimeStore.NONE, new RunMetrics(), null,
                new L1Signer(relayer.address(), relayer::sign));
        RollupChainView view = new RollupChainView(node, runtime.scheduler(), events, name);
        node.start();
        rollups.add(view);
        return view;
    }

    /** Stops a rollup and drops it from the host (loop thread); the others run on. */
    public void removeRollup(long chainId) {
        RollupChainView r = rollups.stream().filter(v -> v.chainId() == chainId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rollup with chain id " + chainId + " on this devnet"));
        r.node().stop();
        rollups.remove(r);
    }

    public L1ChainView l1() {
        return l1;
    }

    public List<RollupChainView> rollups() {
        return rollups;
    }

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
    }
}
