package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.rpc.Endpoints;
import dev.rollupstudio.rpc.Signer;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.Pace;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The node's ephemeral rollups over JSON-RPC: ephemeral_spawn, an endpoint of its own that web3j
 * uses from its first block, ephemeral_dissolve, late transactions refused with where to go, and
 * after dissolution every call answered with what happened and where its state went.
 */
class EphemeralRpcTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static JsonNode call(String url, String method, String params) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}")).build();
        return JSON.readTree(HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    static JsonNode waitFor(String url, java.util.function.Predicate<JsonNode> done, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            JsonNode list = call(url, "ephemeral_list", "[]").get("result");
            if (done.test(list)) return list;
            if (System.nanoTime() > until) throw new AssertionError("not reached in " + seconds + " s: " + list);
            Thread.sleep(50);
        }
    }

    @Test void spawnServeDissolveOverRpc() throws Exception {
        RuntimeOptions d = RuntimeOptions.defaults();
        RuntimeOptions o = new RuntimeOptions(d.rollup(), d.l1(), null, 1, Pace.realtime(10), null, 10, 0);
        DevnetHost host = new DevnetHost(dev.rollupstudio.runtime.RollupRuntime.inMemory(o), "test rollup");
        EphemeralService service = new EphemeralService(host, EphemeralService.defaultTemplate(), host.runtime().accounts().address(0));
        Endpoints endpoints = new Endpoints(host, Signer.unlocked(host.runtime().accounts(), 10), "127.0.0.1", 0, 0, null, service);
        service.serveOn(endpoints);
        Thread loop = new Thread(host::run, "test-devnet-loop");
        loop.start();
        String parent = endpoints.rollups().get(0).url();
        try {
            JsonNode spawned = call(parent, "ephemeral_spawn", "[{\"name\": \"rpc-flash\", \"lifetimeSeconds\": 3600}]").get("result");
            assertThat(spawned.get("chainId").asText()).isEqualTo("0x1b59"); // 7001
            assertThat(spawned.get("phase").asText()).isEqualTo("provisioning");
            JsonNode list = waitFor(parent, l -> l.size() == 1 && l.get(0).has("rpcUrl"), 30);
            String url = list.get(0).get("rpcUrl").asText();
            assertThat(url).isNotEqualTo(parent).startsWith("http://127.0.0.1:");

            Web3j web3 = Web3j.build(new HttpService(url));
            assertThat(web3.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(7001));
            Credentials key = Credentials.create(host.runtime().accounts().privateKeyHex(1));
            BigInteger gwei = BigInteger.TEN.pow(9);
            String raw = Numeric.toHexString(TransactionEncoder.signMessage(RawTransaction.createEtherTransaction(7001, BigInteger.ZERO, BigInteger.valueOf(21_000),
                    host.runtime().accounts().address(2).toHex(), gwei, gwei, gwei.multiply(BigInteger.valueOf(10))), 7001, key));
            String hash = web3.ethSendRawTransaction(raw).send().getTransactionHash();
            assertThat(hash).startsWith("0x");
            long until = System.nanoTime() + 30_000_000_000L;
            while (web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isEmpty()) {
                if (System.nanoTime() > until) throw new AssertionError("no receipt");
                Thread.sleep(50);
            }

            JsonNode draining = call(parent, "ephemeral_dissolve", "[\"0x1b59\"]").get("result");
            assertThat(draining.get("phase").asText()).isEqualTo("draining");
            String late = Numeric.toHexString(TransactionEncoder.signMessage(RawTransaction.createEtherTransaction(7001, BigInteger.ONE, BigInteger.valueOf(21_000),
                    host.runtime().accounts().address(2).toHex(), gwei, gwei, gwei.multiply(BigInteger.valueOf(10))), 7001, key));
            JsonNode refused = call(url, "eth_sendRawTransaction", "[\"" + late + "\"]");
            assertThat(refused.get("error").get("message").asText()).contains("rollup 7001 (rpc-flash) is ending and takes no new transactions")
                    .contains("send to test rollup (chain 901) at " + parent).contains("or to L1 at " + endpoints.l1().url());

            host.runtime().scheduler().setPace(Pace.MAX); // through the challenge window and L1 finality
            list = waitFor(parent, l -> l.get(0).get("phase").asText().equals("dissolved"), 60);
            assertThat(list.get(0).get("valueConserved").asBoolean()).isTrue();
            assertThat(list.get(0).get("accountsCredited").asInt()).isGreaterThanOrEqualTo(10);

            JsonNode gone = call(url, "eth_blockNumber", "[]");
            assertThat(gone.get("error").get("code").asInt()).isEqualTo(-32000);
            assertThat(gone.get("error").get("message").asText()).contains("rollup 7001 (rpc-flash) was dissolved").contains("paid out on L1 (chain 900)")
                    .contains(list.get(0).get("stateRoot").asText());

            JsonNode unknown = call(parent, "ephemeral_dissolve", "[\"0x3039\"]");
            assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32602);
            assertThat(unknown.get("error").get("message").asText()).contains("no ephemeral rollup with chain id 12345");
            JsonNode tooShort = call(parent, "ephemeral_spawn", "[{\"lifetimeSeconds\": 60}]");
            assertThat(tooShort.get("error").get("code").asInt()).isEqualTo(-32602);
            assertThat(tooShort.get("error").get("message").asText()).contains("cannot settle on time");
            JsonNode badField = call(parent, "ephemeral_spawn", "[{\"lifetime\": 60}]");
            assertThat(badField.get("error").get("message").asText()).contains("unknown field \"lifetime\"");
        } finally {
            host.stop();
            loop.join(10_000);
            endpoints.close();
            service.close();
            host.close();
        }
    }

    @Test void aNodeThatRunsNoneRefusesWithTheReason() throws Exception {
        DevnetHost host = DevnetHost.inMemory(RuntimeOptions.defaults(), "test rollup");
        Endpoints endpoints = new Endpoints(host, Signer.unlocked(host.runtime().accounts(), 1), "127.0.0.1", 0, 0, null,
                dev.rollupstudio.rpc.EphemeralControl.refusing("ephemeral rollups live in memory; start a node without --db to spawn them"));
        try {
            String url = endpoints.rollups().get(0).url();
            JsonNode spawn = call(url, "ephemeral_spawn", "[]");
            assertThat(spawn.get("error").get("code").asInt()).isEqualTo(-32000);
            assertThat(spawn.get("error").get("message").asText()).isEqualTo("ephemeral rollups live in memory; start a node without --db to spawn them");
            assertThat(call(url, "ephemeral_dissolve", "[\"0x1b59\"]").get("error").get("code").asInt()).isEqualTo(-32000);
            assertThat(call(url, "ephemeral_list", "[]").get("result").size()).isZero();
        } finally {
            endpoints.close();
            host.close();
        }
    }
}
