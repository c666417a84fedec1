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
    private final List<RpcServer> servers = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();

    /**
     * Serves {@code host}'s chains; port 0 picks free ports. {@code l1Port} 0 with a fixed
     * {@code port} means the port after the rollups'.
     */
    public Endpoints(DevnetHost host, Map<Address, Signer> unlocked, String bind, int port, int l1Port, String cors) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, cores)).setWorkerPoolSize(2));
        this.workers = Executors.newFixedThreadPool(Math.max(4, 2 * cores), r -> {
            Thread t = new Thread(r, "rpc");
            t.setDaemon(true);
            return t;
        });
        this.calls = new Calls(Math.max(2, cores));
        try {
            Map<Address, Signer> keys = new LinkedHashMap<>(unlocked);
            int next = port;
            for (RollupChainView r : host.rollups()) {
                served.add(serve(r, host.l1(), keys, bind, next, cors));
                if (port != 0) next = served.get(served.size() - 1).port() + 1;
            }
            int l1 = l1Port != 0 ? l1Port : port == 0 ? 0 : next;
            served.add(serve(host.l1(), host.l1(), keys, bind, l1, cors));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Served serve(ChainView chain, ChainView l1, Map<Address, Signer> keys, String bind, int port, String cors) {
        RpcServer s = RpcServer.start(vertx, new RpcHandler(chain, l1, keys, calls), new RpcServer.Options(bind, port, cors), workers);
        servers.add(s);
        return new Served(chain, bind, s.port());
    }

    /** The rollups first, in order, then the L1. */
    public List<Served> served() {
        return List.copyOf(served);
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
