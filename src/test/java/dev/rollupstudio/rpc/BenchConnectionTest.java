package dev.rollupstudio.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bench's HTTP client reads both body framings exactly and survives a server closing its connection. */
class BenchConnectionTest {
    @Test
    void readsLengthAndChunkedBodiesAndReconnects() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] out = ("{\"echo\":" + new String(in, StandardCharsets.UTF_8) + "}").repeat(calls.incrementAndGet() == 2 ? 5_000 : 1).getBytes(StandardCharsets.UTF_8);
            if (calls.get() == 3) ex.getResponseHeaders().add("Connection", "close"); // the server drops the connection after this answer
            ex.sendResponseHeaders(200, calls.get() == 2 ? 0 : out.length); // 0: chunked
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        try (BenchConnection c = new BenchConnection("http://127.0.0.1:" + server.getAddress().getPort() + "/")) {
            assertArrayEquals("{\"echo\":[1]}".getBytes(StandardCharsets.UTF_8), c.post(c.request("[1]".getBytes(StandardCharsets.UTF_8))));
            byte[] chunked = c.post(c.request("[2]".getBytes(StandardCharsets.UTF_8)));
            assertEquals("{\"echo\":[2]}".repeat(5_000), new String(chunked, StandardCharsets.UTF_8));
            assertEquals("{\"echo\":[3]}", new String(c.post(c.request("[3]".getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8));
            assertEquals("{\"echo\":[4]}", new String(c.post(c.request("[4]".getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8));
            assertEquals(4, calls.get());
        } finally {
            server.stop(0);
        }
    }
}
