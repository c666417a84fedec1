package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.host.ChainView;
import java.security.SecureRandom;
import java.util.HexFormat;

/** eth_subscribe over WebSocket: newHeads, logs (with eth_getLogs' criteria) and newPendingTransactions. */
final class Subscriptions {
    /** A connection holds at most this many subscriptions. */
    static final int MAX_PER_CONNECTION = 100;
    private static final SecureRandom IDS = new SecureRandom();

    private final ChainView chain;
    private final ObjectMapper json;

    Subscriptions(ChainView chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    String subscribe(Params p, Connection c) {
        if (c == null) throw new RpcException(RpcException.NO_METHOD, "notifications not supported: eth_subscribe needs a WebSocket connection");
        if (c.subscriptions.size() >= MAX_PER_CONNECTION) throw RpcException.server("too many subscriptions on this connection (at most " + MAX_PER_CONNECTION + ")");
        String kind = p.atMost(2).string(0, "subscription");
        String id = newId();
        Runnable cancel = switch (kind) {
            case "newHeads" -> chain.onBlock(b -> notify(c, id, Shapes.header(b)));
            case "logs" -> {
                LogFilter f = LogFilter.parse(p.has(1) ? p.node(1) : Shapes.JSON.objectNode(), Params.arg(1, "filter"));
                yield chain.onBlock(b -> {
                    ArrayNode found = Shapes.JSON.arrayNode();
                    f.collect(b, found);
                    for (JsonNode log : found) notify(c, id, log);
                });
            }
            case "newPendingTransactions" -> {
                boolean full = p.bool(1, "full transactions", false);
                yield chain.onPending(tx -> notify(c, id, full ? Shapes.transaction(tx, null, 0) : Shapes.JSON.textNode(tx.hash().toHex())));
            }
            default -> throw Params.bad(0, "subscription", "no subscription \"" + kind + "\"; there are newHeads, logs and newPendingTransactions");
        };
        c.subscriptions.put(id, cancel);
        return id;
    }

    boolean unsubscribe(Params p, Connection c) {
        if (c == null) throw new RpcException(RpcException.NO_METHOD, "notifications not supported: eth_unsubscribe needs a WebSocket connection");
        Runnable cancel = c.subscriptions.remove(p.atMost(1).string(0, "subscription id"));
        if (cancel != null) cancel.run();
        return cancel != null;
    }

    private void notify(Connection c, String id, JsonNode result) {
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("jsonrpc", "2.0");
        o.put("method", "eth_subscription");
        ObjectNode params = o.putObject("params");
        params.put("subscription", id);
        params.set("result", result);
        try {
            c.send(json.writeValueAsString(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        byte[] b = new byte[16];
        IDS.nextBytes(b);
        return "0x" + HexFormat.of().formatHex(b);
    }
}
