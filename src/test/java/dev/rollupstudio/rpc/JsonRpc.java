package dev.rollupstudio.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A bare JSON-RPC client for tests that speak to an endpoint as curl would: params as JSON text. */
final class JsonRpc {
    static final String DEV0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    static final String DEV1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JsonRpc() {}

    /** The result, after checking there is no error. */
    static JsonNode result(String url, String method, String... params) throws Exception {
        JsonNode r = call(url, method, params);
        assertThat(r.has("error")).as(() -> method + ": " + r.get("error")).isFalse();
        return r.get("result");
    }

    /** The error object, after checking there is one. */
    static JsonNode error(String url, String method, String... params) throws Exception {
        JsonNode r = call(url, method, params);
        assertThat(r.has("error")).as(() -> method + " should fail: " + r).isTrue();
        return r.get("error");
    }

    static JsonNode call(String url, String method, String... params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[" + String.join(",", params) + "]}";
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
