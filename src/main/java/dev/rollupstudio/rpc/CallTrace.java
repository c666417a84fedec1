package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.CallTracer;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;
import java.util.ArrayDeque;
import java.util.Deque;

/** Builds geth's callTracer JSON as the EVM enters and leaves messages. */
final class CallTrace implements CallTracer {
    private final Deque<ObjectNode> open = new ArrayDeque<>();
    private ObjectNode root;

    @Override public void enter(String type, Address from, Address to, Wei value, long gas, byte[] input) {
        ObjectNode f = Shapes.JSON.objectNode();
        f.put("type", type);
        f.put("from", from.toHex());
        f.put("to", to.toHex());
        if (!type.equals("DELEGATECALL") && !type.equals("STATICCALL")) f.put("value", Hex.quantity(value.value()));
        f.put("gas", Hex.quantity(gas));
        f.put("input", Hex.data(input));
        if (open.isEmpty()) root = f;
        else {
            ObjectNode parent = open.peek();
            (parent.has("calls") ? (com.fasterxml.jackson.databind.node.ArrayNode) parent.get("calls") : parent.putArray("calls")).add(f);
        }
        open.push(f);
    }

    @Override public void exit(long gasUsed, byte[] output, String error) {
        ObjectNode f = open.pop();
        f.put("gasUsed", Hex.quantity(gasUsed));
        f.put("output", Hex.data(output));
        if (error != null) {
            f.put("error", error.equals("reverted") ? "execution reverted" : error);
            String reason = error.equals("reverted") ? Abi.revertReason(output) : null;
            if (reason != null) f.put("revertReason", reason);
        }
        // geth lists "calls" last
        if (f.has("calls")) f.set("calls", f.remove("calls"));
    }

    /** The top frame with the transaction's own gas figures (its limit and what it used, intrinsic gas included), or null if no message ran. */
    ObjectNode result(long gasLimit, long gasUsed) {
        if (root == null) return null;
        root.put("gas", Hex.quantity(gasLimit));
        root.put("gasUsed", Hex.quantity(gasUsed));
        if (root.has("calls")) root.set("calls", root.remove("calls"));
        return root;
    }
}
