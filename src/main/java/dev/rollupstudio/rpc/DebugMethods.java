package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.host.ChainView;
import java.util.Map;

/** debug_traceTransaction and debug_traceCall with geth's callTracer (the tracer Foundry and block explorers ask for). */
final class DebugMethods {
    private DebugMethods() {}

    static void register(Map<String, Method> m, ChainView chain, Calls calls) {
        m.put("debug_traceTransaction", p -> {
            p.atMost(2);
            var hash = p.hash(0, "transaction hash");
            tracer(p, 1);
            ChainView.TxLocation at = chain.transaction(hash);
            if (at == null) throw RpcException.server("transaction " + hash.toHex() + " not found");
            return calls.async(() -> {
                CallTrace t = new CallTrace();
                try {
                    chain.trace(at.block().number(), at.index(), t);
                } catch (IllegalStateException e) {
                    throw RpcException.server(e.getMessage());
                }
                Transaction tx = at.block().block().transactions().get(at.index());
                Receipt r = at.block().block().receipts().get(at.index());
                ObjectNode traced = t.result(tx.gasLimit(), r.gasUsed());
                return traced != null ? traced : plainTransfer(tx, r);
            });
        });
        m.put("debug_traceCall", p -> {
            p.atMost(3);
            CallRequest c = CallRequest.parse(p.node(0), Params.arg(0, "transaction"));
            BlockRef ref = p.block(1, "block", BlockRef.LATEST);
            JsonNode overrides = tracer(p, 2);
            long n = ref.resolve(chain);
            if (n < 0) throw RpcException.server("header not found");
            return calls.trace(chain, c, n, overrides);
        });
    }

    /** The options' tracer must be the callTracer; returns the state overrides they carry, if any. */
    private static JsonNode tracer(Params p, int i) {
        JsonNode o = p.has(i) ? p.object(i, "tracer options") : null;
        String name = o == null ? null : o.path("tracer").asText(null);
        if (!"callTracer".equals(name)) {
            throw Params.bad(i, "tracer options", "only the callTracer is served here; pass {\"tracer\": \"callTracer\"}");
        }
        return o.get("stateOverrides");
    }

    /** A value transfer the rollup runs without the EVM: one CALL frame, as geth shows it. */
    private static ObjectNode plainTransfer(Transaction tx, Receipt r) {
        ObjectNode f = Shapes.JSON.objectNode();
        f.put("type", "CALL");
        f.put("from", tx.sender().toHex());
        f.put("to", tx.to() == null ? null : tx.to().toHex());
        f.put("value", Hex.quantity(tx.value()));
        f.put("gas", Hex.quantity(tx.gasLimit()));
        f.put("gasUsed", Hex.quantity(r.gasUsed()));
        f.put("input", Hex.data(tx.data()));
        f.put("output", "0x");
        if (!r.success()) f.put("error", "execution failed");
        return f;
    }
}
