package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
    private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);

    /** {@code clientMicrosPerTx}: CPU the bench's sending and polling threads took per transaction while timed, from the same cores. */
    public record Writes(int txs, double seconds, double tps, double p50Millis, double p99Millis, long errors, String firstError, double clientMicrosPerTx) {}

    public record Reads(String what, int clients, double perSecond, double p50Millis, double p99Millis, long errors) {}

    private RpcBench() {}

    public static Writes writes(String url, int txs) throws Exception {
        BenchConnection http = new BenchConnection(url);
        long chainId = Long.decode(call(http, "eth_chainId", "[]").asText());
        BigInteger price = new BigInteger(call(http, "eth_gasPrice", "[]").asText().substring(2), 16);
        BigInteger tip = new BigInteger(call(http, "eth_maxPriorityFeePerGas", "[]").asText().substring(2), 16);
        DevAccounts keys = DevAccounts.derive(SENDERS);
        long[] end = new long[SENDERS];
        for (int s = 0; s < SENDERS; s++) end[s] = Long.decode(call(http, "eth_getTransactionCount", "[\"" + keys.address(s).toHex() + "\",\"latest\"]").asText());
        Address sink = Address.fromHex("0x000000000000000000000000000000000000beef");
        BigInteger cap = price.multiply(BigInteger.valueOf(10)).add(tip);
        String[] signed = new String[txs];
        long[] nonceOf = new long[txs];
        for (int i = 0; i < txs; i++) nonceOf[i] = end[i % SENDERS]++;
        java.util.stream.IntStream.range(0, txs).parallel().forEach(i -> signed[i] = Bytes.toHex(keys.sign(i % SENDERS,
                UnsignedTransaction.transfer(chainId, nonceOf[i], sink, BigInteger.ONE, tip, cap)).encoded()));
        // each connection sends its own senders' transactions in nonce order, as requests built before the clock starts
        List<List<byte[]>> perConnection = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < txs; i++) if ((i % SENDERS) % CONNECTIONS == c) mine.add(signed[i]);
            List<byte[]> requests = new ArrayList<>();
            for (int from = 0; from < mine.size(); from += BATCH) {
                StringBuilder b = new StringBuilder("[");
                for (int j = from; j < Math.min(mine.size(), from + BATCH); j++) {
                    if (j > from) b.append(',');
                    b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(j).append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"").append(mine.get(j)).append("\"]}");
                }
                requests.add(http.request(b.append(']').toString().getBytes(StandardCharsets.UTF_8)));
            }
            perConnection.add(requests);
        }
        StringBuilder b = new StringBuilder("[");
        for (int s = 0; s < SENDERS; s++) {
            if (s > 0) b.append(',');
            b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(s).append(",\"method\":\"eth_getTransactionCount\",\"params\":[\"")
                    .append(keys.address(s).toHex()).append("\",\"latest\"]}");
        }
        byte[] nonces = http.request(b.append(']').toString().getBytes(StandardCharsets.UTF_8));

        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicLong clientNanos = new AtomicLong(-threads.getCurrentThreadCpuTime());
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long t0 = WallClock.nanos();
        List<Future<?>> sent = new ArrayList<>();
        for (List<byte[]> mine : perConnection) {
            sent.add(pool.submit(() -> {
                try (BenchConnection own = new BenchConnection(url)) {
                    for (byte[] request : mine) {
                        long s = WallClock.nanos();
                        byte[] r = own.post(request);
                        latency.recordValue(Math.max(1, (WallClock.nanos() - s) / 1_000));
                        if (hasError(r)) {
                            for (JsonNode x : JSON.readTree(r)) {
                                if (x.has("error")) {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(null, x.get("error").path("message").asText());
                                }
                            }
                        }
                    }
                }
                clientNanos.addAndGet(threads.getCurrentThreadCpuTime());
                return null;
            }));
        }
        for (Future<?> f : sent) f.get();
        pool.shutdown();
        // mined: every sender's nonce at latest reached its last transaction's + 1
        while (true) {
            boolean done = true;
            for (JsonNode x : JSON.readTree(http.post(nonces))) done &= Long.decode(x.get("result").asText()) >= end[x.get("id").asInt()];
            if (done || errors.get() > 0 && WallClock.nanos() - t0 > 120_000_000_000L) break;
            WallClock.sleepMillis(20);
        }
        double seconds = (WallClock.nanos() - t0) / 1e9;
        double clientMicros = (clientNanos.get() + threads.getCurrentThreadCpuTime()) / 1e3 / txs;
        http.close();
        return new Writes(txs, seconds, txs / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                errors.get(), firstError.get(), clientMicros);
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
                try (BenchConnection own = new BenchConnection(url)) {
                    byte[] request = own.request(body.getBytes(StandardCharsets.UTF_8));
                    while (WallClock.nanos() < until) {
                        long s = WallClock.nanos();
                        byte[] r = own.post(request);
                        latency.recordValue(Math.max(1, (WallClock.nanos() - s) / 1_000));
                        count.incrementAndGet();
                        if (hasError(r)) errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) f.get();
        pool.shutdown();
        return new Reads(what, clients, count.get() / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, errors.get());
    }

    private static JsonNode call(BenchConnection http, String method, String params) throws Exception {
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}").getBytes(StandardCharsets.UTF_8);
        JsonNode r = JSON.readTree(http.post(http.request(body)));
        if (r.has("error")) throw new IllegalStateException(method + " failed: " + r.get("error").path("message").asText());
        return r.get("result");
    }

    /** Whether a response holds an error object: a byte scan, so a clean answer is never parsed. */
    private static boolean hasError(byte[] response) {
        outer:
        for (int i = 0; i + ERROR.length <= response.length; i++) {
            for (int j = 0; j < ERROR.length; j++) if (response[i + j] != ERROR[j]) continue outer;
            return true;
        }
        return false;
    }
}
