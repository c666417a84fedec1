package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A JSON-RPC client that measures any endpoint the same way: N transfers pre-signed from the dev
 * accounts, sent as batched eth_sendRawTransaction from several connections, timed until every
 * one is mined (each sender's nonce at latest); then reads from 64 concurrent clients.
 */
public final class RpcBench {
    /** Senders: the dev accounts, so Anvil started with --accounts 100 funds the same ones. */
    public static final int SENDERS = 100;
    static final int CONNECTIONS = 8;
    static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Writes(int txs, double seconds, double tps, double p50Millis, double p99Millis, long errors, String firstError) {}

    public record Reads(String what, int clients, double perSecond, double p50Millis, double p99Millis, long errors) {}

    private RpcBench() {}

    public static Writes writes(String url, int txs) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long chainId = Long.decode(call(http, url, "eth_chainId", "[]").asText());
        BigInteger price = new BigInteger(call(http, url, "eth_gasPrice", "[]").asText().substring(2), 16);
        BigInteger tip = new BigInteger(call(http, url, "eth_maxPriorityFeePerGas", "[]").asText().substring(2), 16);
        DevAccounts keys = DevAccounts.derive(SENDERS);
        long[] start = new long[SENDERS];
        for (int s = 0; s < SENDERS; s++) start[s] = Long.decode(call(http, url, "eth_getTransactionCount", "[\"" + keys.address(s).toHex() + "\",\"latest\"]").asText());
        // each connection sends its own senders' transactions in nonce order
        List<List<String>> perConnection = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) perConnection.add(new ArrayList<>());
        long[] end = start.clone();
        Address sink = Address.fromHex("0x000000000000000000000000000000000000beef");
        BigInteger cap = price.multiply(BigInteger.valueOf(10)).add(tip);
        String[] signed = new String[txs];
        long[] nonceOf = new long[txs];
        for (int i = 0; i < txs; i++) nonceOf[i] = end[i % SENDERS]++;
        java.util.stream.IntStream.range(0, txs).parallel().forEach(i -> signed[i] = Bytes.toHex(keys.sign(i % SENDERS,
                UnsignedTransaction.transfer(chainId, nonceOf[i], sink, BigInteger.ONE, tip, cap)).encoded()));
        for (int i = 0; i < txs; i++) perConnection.get((i % SENDERS) % CONNECTIONS).add(signed[i]);

        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        String[] firstError = {null};
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long t0 = WallClock.nanos();
        List<Future<?>> sent = new ArrayList<>();
        for (List<String> mine : perConnection) {
            sent.add(pool.submit(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int from = 0; from < mine.size(); from += BATCH) {
                    StringBuilder b = new StringBuilder("[");
                    for (int j = from; j < Math.min(mine.size(), from + BATCH); j++) {
                        if (j > from) b.append(',');
                        b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(j).append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"").append(mine.get(j)).append("\"]}");
                    }
                    long s = WallClock.nanos();
                    JsonNode r = post(own, url, b.append(']').toString());
                    latency.recordValue(Math.max(1, (WallClock.nanos() - s) / 1_000));
                    for (JsonNode x : r) {
                        if (x.has("error")) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) firstError[0] = x.get("error").path("message").asText();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sent) f.get();
        pool.shutdown();
        // mined: every sender's nonce at latest reached its last transaction's + 1
        while (true) {
            StringBuilder b = new StringBuilder("[");
            for (int s = 0; s < SENDERS; s++) {
                if (s > 0) b.append(',');
                b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(s).append(",\"method\":\"eth_getTransactionCount\",\"params\":[\"")
                        .append(keys.address(s).toHex()).append("\",\"latest\"]}");
            }
            JsonNode r = post(http, url, b.append(']').toString());
            boolean done = true;
            for (JsonNode x : r) done &= Long.decode(x.get("result").asText()) >= end[x.get("id").asInt()];
            if (done || errors.get() > 0 && WallClock.nanos() - t0 > 120_000_000_000L) break;
            WallClock.sleepMillis(20);
        }
        double seconds = (WallClock.nanos() - t0) / 1e9;
        return new Writes(txs, seconds, txs / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                errors.get(), firstError[0]);
    }

    /** {@code clients} threads sending one request each after another for {@code seconds}. */
    public static Reads reads(String url, String what, String body, int clients, double seconds) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long until = WallClock.nanos() + (long) (seconds * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (WallClock.nanos() < until) {
                    long s = WallClock.nanos();
                    JsonNode r = post(own, url, body);
                    latency.recordValue(Math.max(1, (WallClock.nanos() - s) / 1_000));
                    count.incrementAndGet();
                    if (r.has("error")) errors.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) f.get();
        pool.shutdown();
        return new Reads(what, clients, count.get() / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, errors.get());
    }

    static JsonNode call(HttpClient http, String url, String method, String params) throws Exception {
        JsonNode r = post(http, url, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
        if (r.has("error")) throw new IllegalStateException(method + " failed at " + url + ": " + r.get("error").path("message").asText());
        return r.get("result");
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }
}
