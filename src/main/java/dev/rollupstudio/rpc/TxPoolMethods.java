package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.PoolContent;
import java.util.List;
import java.util.Map;

/** txpool_: what waits, in geth's shape (by sender, then by nonce). */
final class TxPoolMethods {
    private TxPoolMethods() {}

    static void register(Map<String, Method> m, ChainView chain) {
        m.put("txpool_status", p -> chain.pool().thenApply(pool -> {
            ObjectNode o = Shapes.JSON.objectNode();
            o.put("pending", Hex.quantity(pool.pending().size()));
            o.put("queued", Hex.quantity(pool.queued().size()));
            return o;
        }));
        m.put("txpool_content", p -> chain.pool().thenApply(TxPoolMethods::content));
    }

    private static ObjectNode content(PoolContent pool) {
        ObjectNode o = Shapes.JSON.objectNode();
        section(o.putObject("pending"), pool.pending());
        section(o.putObject("queued"), pool.queued());
        return o;
    }

    private static void section(ObjectNode out, List<Transaction> txs) {
        for (Transaction t : txs) {
            ObjectNode bySender = out.has(t.sender().toHex()) ? (ObjectNode) out.get(t.sender().toHex()) : out.putObject(t.sender().toHex());
            bySender.set(Long.toString(t.nonce()), Shapes.transaction(t, null, 0));
        }
    }
}
