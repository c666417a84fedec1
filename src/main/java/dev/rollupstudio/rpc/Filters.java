package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.sim.WallClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Polled filters (eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter): each
 * gathers what arrived since it was last polled; one not polled for five minutes is dropped, as
 * geth drops it.
 */
final class Filters {
    static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(5);
    /** What one filter holds between polls at most; the oldest go first. */
    static final int MAX_QUEUED = 10_000;
    private static final SecureRandom IDS = new SecureRandom();

    private final ChainView chain;
    private final Map<String, Filter> filters = new ConcurrentHashMap<>();

    private enum Kind { BLOCKS, LOGS, PENDING }

    private static final class Filter {
        final Kind kind;
        final LogFilter logs;
        final List<Object> queue = new ArrayList<>();
        volatile long polledNanos = WallClock.nanos();

        Filter(Kind kind, LogFilter logs) {
            this.kind = kind;
            this.logs = logs;
        }

        synchronized void add(Object item) {
            if (queue.size() >= MAX_QUEUED) queue.remove(0);
            queue.add(item);
        }

        synchronized ArrayNode drain() {
            ArrayNode out = Shapes.JSON.arrayNode();
            for (Object o : queue) {
                if (o instanceof String s) out.add(s);
                else out.add((com.fasterxml.jackson.databind.JsonNode) o);
            }
            queue.clear();
            polledNanos = WallClock.nanos();
            return out;
        }
    }

    Filters(ChainView chain) {
        this.chain = chain;
        chain.onBlock(this::onBlock);
        chain.onPending(tx -> {
            for (Filter f : filters.values()) if (f.kind == Kind.PENDING) f.add(tx.hash().toHex());
        });
    }

    private void onBlock(ChainBlock b) {
        long now = WallClock.nanos();
        filters.values().removeIf(f -> now - f.polledNanos > TIMEOUT_NANOS);
        for (Filter f : filters.values()) {
            if (f.kind == Kind.BLOCKS) f.add(b.hash().toHex());
            else if (f.kind == Kind.LOGS) {
                ArrayNode found = Shapes.JSON.arrayNode();
                f.logs.collect(b, found);
                found.forEach(f::add);
            }
        }
    }

    void register(Map<String, Method> m) {
        m.put("eth_newFilter", p -> install(new Filter(Kind.LOGS, LogFilter.parse(p.atMost(1).node(0), Params.arg(0, "filter")))));
        m.put("eth_newBlockFilter", p -> install(new Filter(Kind.BLOCKS, null)));
        m.put("eth_newPendingTransactionFilter", p -> install(new Filter(Kind.PENDING, null)));
        m.put("eth_getFilterChanges", p -> filter(p.atMost(1).string(0, "filter id")).drain());
        m.put("eth_getFilterLogs", p -> {
            Filter f = filter(p.atMost(1).string(0, "filter id"));
            if (f.kind != Kind.LOGS) throw RpcException.server("filter " + p.string(0, "filter id") + " is not a log filter");
            f.polledNanos = WallClock.nanos();
            return f.logs.logs(chain);
        });
        m.put("eth_uninstallFilter", p -> filters.remove(p.atMost(1).string(0, "filter id")) != null);
    }

    private String install(Filter f) {
        byte[] b = new byte[16];
        IDS.nextBytes(b);
        String id = "0x" + HexFormat.of().formatHex(b);
        filters.put(id, f);
        return id;
    }

    private Filter filter(String id) {
        Filter f = filters.get(id);
        if (f == null) throw RpcException.server("filter not found");
        return f;
    }
}
