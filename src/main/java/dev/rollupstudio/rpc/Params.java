package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * A request's positional parameters, read with their names so a wrong one is reported as
 * "invalid argument 1 (block): ...", as clients show it to their users.
 */
public final class Params {
    private final JsonNode array;

    Params(JsonNode params) {
        if (params == null || params.isNull()) params = JsonNodeFactory.instance.arrayNode();
        if (!params.isArray()) throw RpcException.invalidParams("params must be an array of positional arguments");
        this.array = params;
    }

    public int size() {
        return array.size();
    }

    /** Refuses more arguments than the method takes. */
    public Params atMost(int n) {
        if (array.size() > n) throw RpcException.invalidParams("too many arguments: the method takes at most " + n + ", got " + array.size());
        return this;
    }

    public boolean has(int i) {
        return i < array.size() && !array.get(i).isNull();
    }

    public JsonNode node(int i) {
        return has(i) ? array.get(i) : null;
    }

    public String string(int i, String name) {
        JsonNode n = require(i, name);
        if (!n.isTextual()) throw bad(i, name, "expected a string, got " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return n.asText();
    }

    public BigInteger quantity(int i, String name) {
        return Hex.parseQuantity(string(i, name), arg(i, name));
    }

    public long longQuantity(int i, String name) {
        BigInteger v = quantity(i, name);
        if (v.bitLength() > 63) throw bad(i, name, "value too large");
        return v.longValueExact();
    }

    public Address address(int i, String name) {
        return Address.of(Hex.parseData(string(i, name), arg(i, name), 20));
    }

    public Hash hash(int i, String name) {
        return Hash.of(Hex.parseData(string(i, name), arg(i, name), 32));
    }

    public byte[] data(int i, String name) {
        return Hex.parseData(string(i, name), arg(i, name), -1);
    }

    public boolean bool(int i, String name, boolean otherwise) {
        if (!has(i)) return otherwise;
        JsonNode n = array.get(i);
        if (!n.isBoolean()) throw bad(i, name, "expected true or false");
        return n.asBoolean();
    }

    public JsonNode object(int i, String name) {
        JsonNode n = require(i, name);
        if (!n.isObject()) throw bad(i, name, "expected an object");
        return n;
    }

    /** A block given as a tag, a number, or (EIP-1898) an object with blockHash or blockNumber; {@code otherwise} when absent. */
    public BlockRef block(int i, String name, BlockRef otherwise) {
        if (!has(i)) return otherwise;
        return BlockRef.parse(array.get(i), arg(i, name));
    }

    private JsonNode require(int i, String name) {
        if (!has(i)) throw RpcException.invalidParams("missing value for required argument " + i + " (" + name + ")");
        return array.get(i);
    }

    static String arg(int i, String name) {
        return "invalid argument " + i + " (" + name + ")";
    }

    static RpcException bad(int i, String name, String what) {
        return RpcException.invalidParams(arg(i, name) + ": " + what);
    }
}
