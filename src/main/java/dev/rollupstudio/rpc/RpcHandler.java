package dev.rollupstudio.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.types.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 for one chain, independent of the transport: a request (or a batch) in, the
 * response out. Every malformed input gets an error object, never an exception out of here.
 */
public final class RpcHandler {
    /** geth's default batch limit. */
    public static final int MAX_BATCH = 1000;
    /** How deep a request's JSON may nest; requests never need more than a few levels. */
    public static final int MAX_NESTING = 64;
    /** How long a request may wait for the chain (a stopped or stalled loop). */
    static final long TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(RpcHandler.class);
    private static final Set<String> REQUEST_FIELDS = Set.of("jsonrpc", "id", "method", "params");

    private final ObjectMapper json;
    private final Map<String, Method> methods = new HashMap<>();
    private final Subscriptions subscriptions;
    private final ChainView chain;

    /** Serves {@code chain}, one of {@code host}'s chains; {@code unlocked} are the accounts eth_sendTransaction signs for. */
    public RpcHandler(ChainView chain, DevnetHost host, Map<Address, Signer> unlocked, Calls calls) {
        this(chain, host, unlocked, calls, null);
    }

    /** With the node's ephemeral rollups ({@code ephemeral} null: none). */
    public RpcHandler(ChainView chain, DevnetHost host, Map<Address, Signer> unlocked, Calls calls, EphemeralControl ephemeral) {
        this.chain = chain;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build();
        this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.subscriptions = new Subscriptions(chain, json);
        NetMethods.register(methods, chain);
        Impersonation impersonation = new Impersonation();
        new EthMethods(chain, calls, unlocked, impersonation).register(methods);
        new Filters(chain).register(methods);
        TxPoolMethods.register(methods, chain);
        DevMethods.register(methods, chain, host, impersonation);
        DebugMethods.register(methods, chain, calls);
        if (chain instanceof RollupChainView rollup) OptimismMethods.register(methods, rollup, host.l1());
        if (ephemeral != null) EphemeralMethods.register(methods, ephemeral);
    }

    /** The method names this endpoint answers, for the README and the tests. */
    public Set<String> methods() {
        Set<String> all = new java.util.TreeSet<>(methods.keySet());
        all.add("eth_subscribe");
        all.add("eth_unsubscribe");
        return all;
    }

    /** The response text, or null when nothing is owed (only notifications). {@code connection} is null over HTTP. */
    public CompletableFuture<String> handle(String body, Connection connection) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(write(error(null, new RpcException(RpcException.PARSE, "parse error: " + parseProblem(e)))));
        }
        if (request == null || request.isMissingNode()) {
            return CompletableFuture.completedFuture(write(error(null, new RpcException(RpcException.PARSE, "parse error: the body is empty"))));
        }
        if (!request.isArray()) return one(request, connection).thenApply(r -> r == null ? null : write(r));
        if (request.isEmpty()) return CompletableFuture.completedFuture(write(error(null, new RpcException(RpcException.INVALID_REQUEST, "empty batch"))));
        if (request.size() > MAX_BATCH) {
            return CompletableFuture.completedFuture(write(error(null, new RpcException(RpcException.INVALID_REQUEST,
                    "batch of " + request.size() + " requests is over the limit of " + MAX_BATCH))));
        }
        List<CompletableFuture<ObjectNode>> parts = new ArrayList<>();
        for (JsonNode r : request) parts.add(one(r, connection));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            ArrayNode out = Shapes.JSON.arrayNode();
            for (CompletableFuture<ObjectNode> p : parts) if (p.join() != null) out.add(p.join());
            return out.isEmpty() ? null : write(out);
        });
    }

    /** One request: its response object, or null for a notification (no id). Never completes exceptionally. */
    private CompletableFuture<ObjectNode> one(JsonNode r, Connection connection) {
        if (!r.isObject()) return done(error(null, new RpcException(RpcException.INVALID_REQUEST, "invalid request: expected an object")));
        JsonNode id = r.get("id");
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return done(error(null, new RpcException(RpcException.INVALID_REQUEST, "invalid request: id must be a string, a number or null")));
        }
        for (var it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!REQUEST_FIELDS.contains(f)) {
                return done(error(id, new RpcException(RpcException.INVALID_REQUEST, "invalid request: unknown field \"" + f + "\"; a request has jsonrpc, id, method and params")));
            }
        }
        if (!"2.0".equals(r.path("jsonrpc").asText(null))) {
            return done(error(id, new RpcException(RpcException.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\"")));
        }
        JsonNode m = r.get("method");
        if (m == null || !m.isTextual()) return done(error(id, new RpcException(RpcException.INVALID_REQUEST, "invalid request: method must be a string")));
        String name = m.asText();
        CompletableFuture<Object> result;
        try {
            // a dissolved rollup's endpoint answers until it closes, every call with what happened and where its state went
            if (chain instanceof RollupChainView gone && gone.dissolvedBecause() != null) throw RpcException.server(gone.dissolvedBecause());
            Params params = new Params(r.get("params"));
            Object value = switch (name) {
                case "eth_subscribe" -> subscriptions.subscribe(params, connection);
                case "eth_unsubscribe" -> subscriptions.unsubscribe(params, connection);
                default -> {
                    Method method = methods.get(name);
                    if (method == null) throw new RpcException(RpcException.NO_METHOD, "the method " + abbreviate(name) + " does not exist/is not available");
                    yield method.call(params);
                }
            };
            result = value instanceof CompletableFuture<?> f ? f.thenApply(x -> (Object) x) : CompletableFuture.completedFuture(value);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        if (id == null) return result.handle((v, e) -> null); // a notification: run, answer nothing
        return Deadline.within(result, TIMEOUT_SECONDS).handle((v, e) -> {
            if (e == null) return success(id, v);
            return error(id, asRpc(e, name));
        });
    }

    private static RpcException asRpc(Throwable e, String method) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof RpcException r) return r;
        if (t instanceof TimeoutException) return RpcException.server(method + " timed out after " + TIMEOUT_SECONDS + " s: the chain did not answer (is it paused or stopped?)");
        if (t instanceof UnsupportedOperationException) return RpcException.server(t.getMessage());
        LOG.warn("{} failed", method, t);
        return new RpcException(RpcException.INTERNAL, "internal error in " + method + ": " + t.getClass().getSimpleName()
                + (t.getMessage() != null ? ": " + t.getMessage() : ""));
    }

    private ObjectNode success(JsonNode id, Object value) {
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id);
        o.set("result", value instanceof JsonNode n ? n : json.valueToTree(value));
        return o;
    }

    private static ObjectNode error(JsonNode id, RpcException e) {
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id == null ? Shapes.JSON.nullNode() : id);
        ObjectNode err = o.putObject("error");
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (e.data() != null) err.put("data", e.data());
        return o;
    }

    private static CompletableFuture<ObjectNode> done(ObjectNode o) {
        return CompletableFuture.completedFuture(o);
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's message without the source excerpt it appends. */
    private static String parseProblem(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        return (msg == null ? "malformed JSON" : msg.lines().findFirst().orElse(msg))
                + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "");
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 61) + "..." : s;
    }
}
