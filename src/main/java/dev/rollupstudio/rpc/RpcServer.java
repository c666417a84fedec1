package dev.rollupstudio.rpc;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * One chain's endpoint: JSON-RPC over HTTP POST and over WebSocket on the same port, on Vert.x's
 * event loop; requests are worked on a small pool so a slow call never holds the loop.
 */
public final class RpcServer implements AutoCloseable {
    /** geth's limit on a request body: 5 MiB. */
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    /** Where to listen and who may call from a browser: {@code cors} is an allowed origin ("*" for any) or null for none. */
    public record Options(String host, int port, String cors) {}

    private final HttpServer server;

    private RpcServer(HttpServer server) {
        this.server = server;
    }

    /** Listens now; throws with the reason when the port cannot be bound. */
    public static RpcServer start(Vertx vertx, RpcHandler handler, Options options, ExecutorService workers) {
        HttpServerOptions o = new HttpServerOptions().setHost(options.host()).setPort(options.port())
                .setMaxWebSocketMessageSize(MAX_BODY_BYTES).setMaxWebSocketFrameSize(1 << 20).setCompressionSupported(false);
        HttpServer server = vertx.createHttpServer(o);
        server.webSocketHandler(ws -> serve(ws, handler, workers));
        server.requestHandler(req -> serve(req, handler, options.cors(), workers));
        try {
            server.listen().toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": " + cause.getMessage()
                    + " (is another node running there? choose another port with --port)", cause);
        }
        return new RpcServer(server);
    }

    public int port() {
        return server.actualPort();
    }

    private static void serve(HttpServerRequest req, RpcHandler handler, String cors, ExecutorService workers) {
        String origin = req.getHeader("Origin");
        if (cors != null && origin != null && (cors.equals("*") || cors.equals(origin))) {
            req.response().putHeader("Access-Control-Allow-Origin", cors.equals("*") ? "*" : origin)
                    .putHeader("Access-Control-Allow-Methods", "POST, OPTIONS").putHeader("Access-Control-Allow-Headers", "Content-Type");
        }
        if (req.method() == HttpMethod.OPTIONS) {
            req.response().setStatusCode(204).end();
            return;
        }
        if (req.method() != HttpMethod.POST) {
            reply(req, 405, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"send JSON-RPC requests with POST (or connect over WebSocket)\"}}");
            return;
        }
        String length = req.getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 12 && Long.parseLong(length) > MAX_BODY_BYTES) {
            tooLarge(req);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        req.handler(chunk -> {
            if (refused[0]) return;
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                refused[0] = true;
                tooLarge(req);
                return;
            }
            body.appendBuffer(chunk);
        });
        req.endHandler(v -> {
            if (refused[0]) return;
            String text = body.toString(StandardCharsets.UTF_8);
            CompletableFuture.supplyAsync(() -> handler.handle(text, null), workers).thenCompose(f -> f).whenComplete((out, e) -> {
                if (e != null) reply(req, 500, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}");
                else if (out == null) req.response().setStatusCode(200).end();
                else reply(req, 200, out);
            });
        });
    }

    private static void tooLarge(HttpServerRequest req) {
        req.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"request body too large: the limit is "
                        + MAX_BODY_BYTES + " bytes\"}}");
    }

    private static void reply(HttpServerRequest req, int status, String json) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }

    private static void serve(ServerWebSocket ws, RpcHandler handler, ExecutorService workers) {
        Connection c = new Connection() {
            @Override protected void send(String json) {
                if (!ws.isClosed()) ws.writeTextMessage(json);
            }
        };
        ws.closeHandler(v -> c.closed());
        ws.exceptionHandler(e -> ws.close());
        ws.textMessageHandler(text -> CompletableFuture.supplyAsync(() -> handler.handle(text, c), workers).thenCompose(f -> f).whenComplete((out, e) -> {
            if (out != null) c.send(out);
        }));
    }

    @Override public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
