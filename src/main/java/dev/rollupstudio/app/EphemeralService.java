package dev.rollupstudio.app;

import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Ephemerals;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.rpc.EphemeralControl;
import dev.rollupstudio.rpc.Endpoints;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.component.Ephemeral;
import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.types.Address;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's ephemeral rollups: spawned from a template stack (by RPC or the studio), each served on
 * an endpoint of its own from its first block; once dissolved, that endpoint answers every call
 * with what happened for a grace period, then closes.
 */
public final class EphemeralService implements EphemeralControl, AutoCloseable {
    /** How long a dissolved rollup's endpoint keeps explaining itself before it closes. */
    public static final long GRACE_MILLIS = 60_000;

    private final DevnetHost host;
    private final Ephemerals ephemerals;
    private final StackSpec template;
    private final Address payer;
    private final Map<Long, String> urls = new ConcurrentHashMap<>();
    private final ExecutorService serving = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ephemeral-endpoints");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger count = new AtomicInteger();

    /**
     * The node's default template: the flash-layer preset living 10 minutes, with a 2-minute
     * challenge window so it settles soon after, provisioned at once.
     */
    public static StackSpec defaultTemplate() {
        return Presets.get("ephemeral-nft-mint").withParam(Layer.LIFECYCLE, Ephemeral.LIFETIME.key(), 600L)
                .withParam(Layer.LIFECYCLE, Ephemeral.PROVISIONING.key(), 0L).withParam(Layer.PROOFS, OptimisticProofs.CHALLENGE_WINDOW.key(), 120L);
    }

    /** Call before the host's loop runs. {@code payer} pays each one's RaaS fee in ALT on L1. */
    public EphemeralService(DevnetHost host, StackSpec template, Address payer) {
        this.host = host;
        this.template = template;
        this.payer = payer;
        this.ephemerals = new Ephemerals(host);
        config(template); // a template that cannot launch fails now
    }

    public Ephemerals ephemerals() {
        return ephemerals;
    }

    /** Serves each rollup on {@code endpoints} while it lives; late transactions are pointed at the first rollup and the L1. */
    public void serveOn(Endpoints endpoints) {
        Endpoints.Served first = endpoints.rollups().get(0);
        ephemerals.elsewhere("send to " + first.chain().name() + " (chain " + first.chain().chainId() + ") at " + first.url()
                + ", or to L1 at " + endpoints.l1().url());
        ephemerals.onChange(c -> {
            if (c.to() == Phase.ACTIVE) {
                RollupChainView view = host.rollups().stream().filter(v -> v.chainId() == c.chainId()).findFirst().orElseThrow();
                serving.execute(() -> urls.put(c.chainId(), endpoints.add(view).url()));
            } else if (c.to() == Phase.DISSOLVED) {
                serving.execute(() -> endpoints.retire(c.chainId(), GRACE_MILLIS));
            }
        });
    }

    @Override public CompletableFuture<EphemeralStatus> spawn(String name, Long lifetimeSeconds, Long provisioningSeconds, Long idleTimeoutSeconds) {
        StackSpec spec = template;
        if (lifetimeSeconds != null) spec = spec.withParam(Layer.LIFECYCLE, Ephemeral.LIFETIME.key(), lifetimeSeconds);
        if (provisioningSeconds != null) spec = spec.withParam(Layer.LIFECYCLE, Ephemeral.PROVISIONING.key(), provisioningSeconds);
        if (idleTimeoutSeconds != null) spec = spec.withParam(Layer.LIFECYCLE, Ephemeral.IDLE_TIMEOUT.key(), idleTimeoutSeconds);
        String n = name != null ? name : "flash-" + count.incrementAndGet();
        try {
            var config = config(spec);
            return ephemerals.request(new Ephemerals.Request(n, config, spec.lifecycle().launchFeeAlt(spec), payer, "manual: ephemeral_spawn",
                    spec.componentKeys()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static dev.rollupstudio.runtime.config.RollupConfig config(StackSpec spec) {
        return SpecRuntimes.options(spec.withChainId(Ephemerals.FIRST_CHAIN_ID), Prices.defaults(), RuntimeOptions.defaults()).rollup();
    }

    @Override public CompletableFuture<EphemeralStatus> dissolve(long chainId, String why) {
        return ephemerals.requestDissolve(chainId, why);
    }

    @Override public List<EphemeralStatus> list() {
        return ephemerals.statuses();
    }

    @Override public String url(long chainId) {
        return urls.get(chainId);
    }

    @Override public void close() {
        serving.shutdownNow();
    }
}
