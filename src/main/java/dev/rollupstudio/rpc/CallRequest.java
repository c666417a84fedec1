package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.evm.EvmTransaction;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The transaction object of eth_call, eth_estimateGas and eth_sendTransaction. Absent fields are
 * null; {@code data} and {@code input} are the same field (clients send either).
 */
record CallRequest(Address from, Address to, Long gas, BigInteger gasPrice, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas,
                   BigInteger value, byte[] data, Long nonce, List<EvmTransaction.AccessEntry> accessList) {

    private static final Set<String> FIELDS = Set.of("from", "to", "gas", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "value", "data",
            "input", "nonce", "accessList", "chainId", "type");

    static CallRequest parse(JsonNode o, String what) {
        if (o == null || !o.isObject()) throw RpcException.invalidParams(what + ": expected a transaction object");
        o.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw RpcException.invalidParams(what + ": unknown field \"" + f + "\"; the fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
        });
        byte[] data = bytes(o, "input", what);
        byte[] d = bytes(o, "data", what);
        if (data != null && d != null && !java.util.Arrays.equals(data, d)) {
            throw RpcException.invalidParams(what + ": both \"data\" and \"input\" are set and differ; send one");
        }
        if (data == null) data = d;
        List<EvmTransaction.AccessEntry> access = new ArrayList<>();
        JsonNode list = o.get("accessList");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) throw RpcException.invalidParams(what + ": accessList must be an array");
            for (JsonNode e : list) {
                List<Hash> keys = new ArrayList<>();
                if (e.has("storageKeys")) for (JsonNode k : e.get("storageKeys")) keys.add(Hash.of(Hex.parseData(k.asText(), what + " storageKeys", 32)));
                access.add(new EvmTransaction.AccessEntry(Address.of(Hex.parseData(e.path("address").asText(null), what + " accessList address", 20)), keys));
            }
        }
        Long gas = o.hasNonNull("gas") ? Hex.parseQuantity(o.get("gas").asText(), what + " gas").longValue() : null;
        Long nonce = o.hasNonNull("nonce") ? Hex.parseQuantity(o.get("nonce").asText(), what + " nonce").longValue() : null;
        return new CallRequest(address(o, "from", what), address(o, "to", what), gas, quantity(o, "gasPrice", what), quantity(o, "maxFeePerGas", what),
                quantity(o, "maxPriorityFeePerGas", what), quantity(o, "value", what), data == null ? new byte[0] : data, nonce, List.copyOf(access));
    }

    private static Address address(JsonNode o, String field, String what) {
        return o.hasNonNull(field) ? Address.of(Hex.parseData(text(o, field, what), what + " " + field, 20)) : null;
    }

    private static BigInteger quantity(JsonNode o, String field, String what) {
        return o.hasNonNull(field) ? Hex.parseQuantity(text(o, field, what), what + " " + field) : null;
    }

    private static byte[] bytes(JsonNode o, String field, String what) {
        return o.hasNonNull(field) ? Hex.parseData(text(o, field, what), what + " " + field, -1) : null;
    }

    private static String text(JsonNode o, String field, String what) {
        JsonNode n = o.get(field);
        if (!n.isTextual()) throw RpcException.invalidParams(what + ": " + field + " must be a hex string");
        return n.asText();
    }

    /** Whether the caller named a price; without one a call runs at gas price 0 and base fee 0, as geth's does. */
    boolean priced() {
        return gasPrice != null || maxFeePerGas != null || maxPriorityFeePerGas != null;
    }

    Address sender() {
        return from != null ? from : Address.ZERO;
    }

    BigInteger valueOrZero() {
        return value != null ? value : BigInteger.ZERO;
    }
}
