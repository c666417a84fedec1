package dev.rollupstudio.rpc;

import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.types.Address;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The devnet's JSON-RPC endpoints: the rollups on {@code port} and the ports after it, the L1 on
 * {@code l1Port}. One Vert.x instance, one worker pool and one pool of deep-stack EVM threads serve them all.
 */
public final class Endpoints implements AutoCloseable {
    /** A chain and where it answers. */
    public record Served(ChainView chain, String host, int port) {
        public String url() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return "http://" + h + ":" + port;
        }
    }

    private final Vertx vertx;
    private final ExecutorService workers;
    private final Calls calls;
    private final List<RpcServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Served> served = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DevnetHost host;
    private final Map<Address, Signer> keys;
    private final String bind;
    private final String cors;
    private final EphemeralControl ephemeral;
    /** Where a rollup added later is served: after every port in use. */
    private int nextPort;
    /** The servers of rollups added later, by chain id: they close when the rollup is gone. */
    private final Map<Long, RpcServer> added = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Serves {@code host}'s chains: the first rollup on {@code port}, the L1 on {@code l1Port},
     * further rollups on the next free ports after both; port 0 picks free ports.
     */
    public Endpoints(DevnetHost host, Map<Address, Signer> unlocked, String bind, int port, int l1Port, String cors) {
        this(host, unlocked, bind, port, l1Port, cors, null);
    }

    /** With the node's ephemeral rollups, whose methods every endpoint answers ({@code ephemeral} null: none). */
    public Endpoints(DevnetHost host, Map<Address, Signer> unlocked, String bind, int port, int l1Port, String cors, EphemeralControl ephemeral) {
        this.host = host;
        this.keys = new LinkedHashMap<>(unlocked);
        this.bind = bind;
        this.cors = cors;
        this.ephemeral = ephemeral;
        int cores = Runtime.getRuntime().availableProcessors();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, cores)).setWorkerPoolSize(2));
        this.workers = Executors.newFixedThreadPool(Math.max(4, 2 * cores), r -> {
            Thread t = new Thread(r, "rpc");
            t.setDaemon(true);
            return t;
        });
        this.calls = new Calls(Math.max(2, cores));
        try {
            List<RollupChainView> rollups = host.rollups();
            served.add(serve(rollups.get(0), host, keys, bind, port, cors));
            served.add(serve(host.l1(), host, keys, bind, l1Port, cors));
            int next = port == 0 ? 0 : Math.max(port, l1Port) + 1;
            for (RollupChainView r : rollups.subList(1, rollups.size())) {
                Served s = serveFree(r, host, keys, bind, next, cors);
                served.add(s);
                if (next != 0) next = s.port() + 1;
            }
            nextPort = next;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** On {@code port} or, when it is taken, the next free one (a further rollup's endpoint). */
    private Served serveFree(ChainView chain, DevnetHost host, Map<Address, Signer> keys, String bind, int port, String cors) {
        for (int p = port; ; p++) {
            try {
                return serve(chain, host, keys, bind, p, cors);
            } catch (IllegalStateException taken) {
                if (port == 0 || p - port >= 100) throw taken;
            }
        }
    }

    private Served serve(ChainView chain, DevnetHost host, Map<Address, Signer> keys, String bind, int port, String cors) {
        RpcServer s = RpcServer.start(vertx, new RpcHandler(chain, host, keys, calls, ephemeral), new RpcServer.Options(bind, port, cors), workers);
        servers.add(s);
        return new Served(chain, bind, s.port());
    }

    /** Serves a rollup that joined the devnet later (an ephemeral one) on the next free port; any thread. */
    public synchronized Served add(RollupChainView rollup) {
        Served s = serveFree(rollup, host, keys, bind, nextPort, cors);
        served.add(s);
        added.put(rollup.chainId(), servers.get(servers.size() - 1));
        if (nextPort != 0) nextPort = s.port() + 1;
        return s;
    }

    /**
     * The rollup is gone: its endpoint keeps answering, every call with what happened to it, for
     * {@code graceMillis}, then closes and frees its port. Any thread.
     */
    public void retire(long chainId, long graceMillis) {
        RpcServer server = added.remove(chainId);
        if (server == null) return;
        vertx.setTimer(Math.max(1, graceMillis), t -> {
            server.close();
            servers.remove(server);
            served.removeIf(x -> x.chain().isRollup() && x.chain().chainId() == chainId);
        });
    }

    /** The first rollup, the L1, then the further rollups. */
    public List<Served> served() {
        return List.copyOf(served);
    }

    public Served l1() {
        return served.get(1);
    }

    /** The rollups in the host's order. */
    public List<Served> rollups() {
        List<Served> out = new ArrayList<>(served);
        out.remove(1);
        return out;
    }

    @Override public void close() {
        for (RpcServer s : servers) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
        workers.shutdownNow();
        calls.close();
    }
}
