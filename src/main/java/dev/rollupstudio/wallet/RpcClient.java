package dev.rollupstudio.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A chain's Ethereum JSON-RPC endpoint as a wallet uses it: balances, nonces, fees, estimates,
 * calls, raw transactions and receipts, over HTTP. The studio's wallet and the `wallet` command
 * speak to the devnet only through this, as MetaMask would. A node's error comes back as an
 * {@link RpcError} with its message; a node that does not answer says where it was looked for.
 */
public final class RpcClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private long id;

    /** The node's answer was an error object. */
    public static final class RpcError extends RuntimeException {
        public RpcError(String message) {
            super(message);
        }
    }

    public RpcClient(String url) {
        this.url = URI.create(url);
    }

    public String url() {
        return url.toString();
    }

    public long chainId() {
        return quantity(call("eth_chainId")).longValueExact();
    }

    public BigInteger balance(Address a) {
        return quantity(call("eth_getBalance", a.toHex(), "latest"));
    }

    /** The next nonce, counting transactions waiting in the pool. */
    public long nonce(Address a) {
        return quantity(call("eth_getTransactionCount", a.toHex(), "pending")).longValueExact();
    }

    /** The latest block's base fee. */
    public BigInteger baseFee() {
        return quantity(call("eth_getBlockByNumber", "latest", false).get("baseFeePerGas"));
    }

    public BigInteger maxPriorityFee() {
        return quantity(call("eth_maxPriorityFeePerGas"));
    }

    public long estimateGas(Address from, Address to, BigInteger value, byte[] data) {
        return quantity(call("eth_estimateGas", tx(from, to, value, data))).longValueExact();
    }

    /** eth_call at latest; a revert is an {@link RpcError} with the reason. */
    public byte[] call(Address from, Address to, byte[] data) {
        return Bytes.fromHex(call("eth_call", tx(from, to, BigInteger.ZERO, data), "latest").asText());
    }

    public Hash sendRaw(byte[] signed) {
        return Hash.fromHex(call("eth_sendRawTransaction", Bytes.toHex(signed)).asText());
    }

    /** The receipt, or null while the transaction waits. */
    public JsonNode receipt(Hash tx) {
        JsonNode r = call("eth_getTransactionReceipt", tx.toHex());
        return r == null || r.isNull() ? null : r;
    }

    /** The number of the block a tag names ("latest", "safe", "finalized"), or -1 if the chain has none yet. */
    public long blockNumber(String tag) {
        JsonNode b = call("eth_getBlockByNumber", tag, false);
        return b == null || b.isNull() ? -1 : quantity(b.get("number")).longValueExact();
    }

    /** Any method: params are strings, numbers, booleans or JSON nodes. */
    public JsonNode call(String method, Object... params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("jsonrpc", "2.0");
        synchronized (this) {
            req.put("id", ++id);
        }
        req.put("method", method);
        ArrayNode ps = req.putArray("params");
        for (Object p : params) ps.add(JSON.valueToTree(p));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(req.toString())).build();
        JsonNode body;
        try {
            body = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (ConnectException e) {
            throw new IllegalStateException("no node answers at " + url + "; start one with `rollup-studio node` or launch a stack in the studio");
        } catch (IOException e) {
            throw new IllegalStateException("the node at " + url + " did not answer " + method + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + url);
        }
        if (body.has("error")) throw new RpcError(body.get("error").path("message").asText("the node refused " + method));
        return body.get("result");
    }

    private static ObjectNode tx(Address from, Address to, BigInteger value, byte[] data) {
        ObjectNode t = JSON.createObjectNode();
        t.put("from", from.toHex());
        if (to != null) t.put("to", to.toHex());
        if (value.signum() > 0) t.put("value", "0x" + value.toString(16));
        if (data.length > 0) t.put("data", Bytes.toHex(data));
        return t;
    }

    /** A quantity ("0x…") a method answered. */
    public static BigInteger quantity(JsonNode n) {
        if (n == null || !n.isTextual() || !n.asText().startsWith("0x")) throw new IllegalStateException("the node answered " + n + " where a quantity belongs");
        return new BigInteger(n.asText().substring(2), 16);
    }
}
