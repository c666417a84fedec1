package dev.rollupstudio.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get the error code clients parse and a sentence saying what is wrong; the server keeps serving. */
class RpcErrorsTest {
    static DevnetFixture devnet;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll static void start() {
        devnet = new DevnetFixture(false);
    }

    @AfterAll static void stop() throws Exception {
        devnet.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(devnet.rollupUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode error(String body) throws Exception {
        JsonNode r = JSON.readTree(post(body).body());
        assertThat(r.has("error")).as(r.toString()).isTrue();
        return r.get("error");
    }

    static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test void malformedJsonIsAParseErrorWithWhere() throws Exception {
        JsonNode e = error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        assertThat(e.get("code").asInt()).isEqualTo(-32700);
        assertThat(e.get("message").asText()).startsWith("parse error").contains("line 1");
        assertThat(error("").get("code").asInt()).isEqualTo(-32700);
        assertThat(error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"} trailing").get("code").asInt()).isEqualTo(-32700);
    }

    @Test void deepNestingIsRefusedBeforeItCostsAnything() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        JsonNode e = error(deep);
        assertThat(e.get("code").asInt()).isEqualTo(-32700);
        assertThat(e.get("message").asText()).contains("nesting");
    }

    @Test void aHugeBodyIsRefusedWith413() throws Exception {
        String huge = request("eth_call", "[{\"data\":\"0x" + "00".repeat(3 * 1024 * 1024) + "\"}]");
        HttpResponse<String> r = post(huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("too large");
        assertThat(JSON.readTree(post(request("eth_chainId", "[]")).body()).get("result").asText()).isEqualTo("0x385");
    }

    @Test void invalidRequestsSayWhichPartIsWrong() throws Exception {
        assertThat(error("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}").get("message").asText()).contains("jsonrpc must be \"2.0\"");
        assertThat(error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"extra\":1}").get("message").asText()).contains("unknown field \"extra\"");
        assertThat(error("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_chainId\"}").get("code").asInt()).isEqualTo(-32600);
        assertThat(error("[]").get("message").asText()).isEqualTo("empty batch");
        JsonNode none = error(request("eth_frobnicate", "[]"));
        assertThat(none.get("code").asInt()).isEqualTo(-32601);
        assertThat(none.get("message").asText()).isEqualTo("the method eth_frobnicate does not exist/is not available");
    }

    @Test void wrongParamsNameTheArgument() throws Exception {
        JsonNode e = error(request("eth_getBalance", "[\"0x1234\", \"latest\"]"));
        assertThat(e.get("code").asInt()).isEqualTo(-32602);
        assertThat(e.get("message").asText()).isEqualTo("invalid argument 0 (address): expected 20 bytes, got 2");
        assertThat(error(request("eth_getBalance", "[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\", \"newest\"]")).get("message").asText())
                .contains("invalid argument 1 (block)").contains("latest, pending, safe, finalized, earliest");
        assertThat(error(request("eth_getBlockByNumber", "[12]")).get("message").asText()).startsWith("invalid argument 0 (block)");
        assertThat(error(request("eth_getBalance", "[]")).get("message").asText()).isEqualTo("missing value for required argument 0 (address)");
        assertThat(error(request("eth_call", "[{\"to\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"gass\":\"0x1\"}]")).get("message").asText())
                .contains("unknown field \"gass\"");
        assertThat(error(request("eth_chainId", "{\"a\":1}")).get("code").asInt()).isEqualTo(-32602);
    }

    @Test void aBatchAnswersEachPartAndRefusesBeyondItsLimit() throws Exception {
        JsonNode r = JSON.readTree(post("[" + request("eth_chainId", "[]") + ",{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}," + request("nope", "[]") + "]").body());
        assertThat(r.isArray()).isTrue();
        assertThat(r).hasSize(2); // the notification (no id) gets no answer
        assertThat(r.get(0).get("result").asText()).isEqualTo("0x385");
        assertThat(r.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(RpcHandler.MAX_BATCH + 1, request("eth_chainId", "[]"))) + "]";
        assertThat(error(tooMany).get("message").asText()).contains("over the limit of 1000");
    }

    @Test void aRefusedTransactionSaysWhy() throws Exception {
        var keys = devnet.runtime().accounts();
        var u = UnsignedTransaction.transfer(901, 0, keys.address(1), BigInteger.ONE, BigInteger.ONE, BigInteger.TEN.pow(12));
        String raw = Bytes.toHex(keys.sign(2, u).encoded());
        JsonNode first = JSON.readTree(post(request("eth_sendRawTransaction", "[\"" + raw + "\"]")).body());
        assertThat(first.get("result").asText()).startsWith("0x");
        JsonNode again = error(request("eth_sendRawTransaction", "[\"" + raw + "\"]"));
        assertThat(again.get("code").asInt()).isEqualTo(-32000);
        assertThat(again.get("message").asText()).containsPattern("already in the pool|nonce too low: account 0x.* is at 1, transaction has 0"); // pooled, or sealed meanwhile
        var wrongChain = UnsignedTransaction.transfer(1, 0, keys.address(1), BigInteger.ONE, BigInteger.ONE, BigInteger.TEN.pow(12));
        assertThat(error(request("eth_sendRawTransaction", "[\"" + Bytes.toHex(keys.sign(3, wrongChain).encoded()) + "\"]")).get("message").asText())
                .contains("chain");
        assertThat(error(request("eth_sendRawTransaction", "[\"0xdeadbeef\"]")).get("message").asText()).startsWith("invalid argument 0 (raw transaction)");
    }
}
