package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Phase;
import java.util.Map;
import java.util.Set;

/**
 * The node's ephemeral rollups over JSON-RPC, on every endpoint: {@code ephemeral_spawn}
 * ({name, lifetimeSeconds, provisioningSeconds, idleTimeoutSeconds}, all optional),
 * {@code ephemeral_dissolve} (chain id) and {@code ephemeral_list}. Each rollup is served on an
 * endpoint of its own from its first block until it dissolves.
 */
final class EphemeralMethods {
    private static final Set<String> SPAWN_FIELDS = Set.of("name", "lifetimeSeconds", "provisioningSeconds", "idleTimeoutSeconds");

    private EphemeralMethods() {}

    static void register(Map<String, Method> methods, EphemeralControl control) {
        methods.put("ephemeral_spawn", p -> {
            p.atMost(1);
            JsonNode o = p.has(0) ? p.object(0, "options") : Shapes.JSON.objectNode();
            for (var it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!SPAWN_FIELDS.contains(f)) throw Params.bad(0, "options", "unknown field \"" + f + "\"; the fields are " + String.join(", ", new java.util.TreeSet<>(SPAWN_FIELDS)));
            }
            String name = o.has("name") ? o.get("name").asText() : null;
            if (name != null && (name.isBlank() || name.length() > 40)) throw Params.bad(0, "options", "name must be 1 to 40 characters");
            return control.spawn(name, seconds(o, "lifetimeSeconds"), seconds(o, "provisioningSeconds"), seconds(o, "idleTimeoutSeconds"))
                    .handle((s, e) -> answer(s, e, control));
        });
        methods.put("ephemeral_dissolve", p -> {
            p.atMost(1);
            long id = p.longQuantity(0, "chain id");
            return control.dissolve(id, "dissolved by ephemeral_dissolve").handle((s, e) -> answer(s, e, control));
        });
        methods.put("ephemeral_list", p -> {
            p.atMost(0);
            ArrayNode out = Shapes.JSON.arrayNode();
            for (EphemeralStatus s : control.list()) out.add(json(s, control));
            return out;
        });
    }

    /** A refused spawn or dissolve (no such rollup, a stack that cannot launch) is the caller's to fix: invalid params, with the reason. */
    private static ObjectNode answer(EphemeralStatus s, Throwable e, EphemeralControl control) {
        if (e == null) return json(s, control);
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof IllegalArgumentException) throw RpcException.invalidParams(t.getMessage());
        throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static Long seconds(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null) return null;
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 2_592_000) throw Params.bad(0, "options", field + " must be a whole number of seconds from 0 to 2592000");
        return v.asLong();
    }

    private static ObjectNode json(EphemeralStatus s, EphemeralControl control) {
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("chainId", Hex.quantity(java.math.BigInteger.valueOf(s.chainId())));
        o.put("name", s.name());
        o.put("phase", s.phase().label());
        String url = control.url(s.chainId());
        if (url != null) o.put("rpcUrl", url);
        if (s.failure() != null) o.put("failure", s.failure());
        ObjectNode phases = o.putObject("phases");
        for (Phase p : Phase.values()) {
            Long t = s.entered().get(p);
            if (t != null) phases.put(p.label(), t / 1000.0);
        }
        o.put("txsServed", s.txsServed());
        o.put("raasFeeAlt", s.raasFeeAlt().stripTrailingZeros().toPlainString());
        if (s.settlement() != null) {
            o.put("stateRoot", s.settlement().stateRoot().toHex());
            o.put("accountsCredited", s.settlement().accountsCredited());
            o.put("valueConserved", s.settlement().valueConserved());
        }
        return o;
    }
}
