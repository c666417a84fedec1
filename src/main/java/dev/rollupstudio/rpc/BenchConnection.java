package dev.rollupstudio.rpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that posts JSON and blocks for the answer: the bench's
 * instrument. It shares two cores with the node it measures, so it must cost little: the JDK's
 * asynchronous HttpClient spent ~40 µs of CPU per transaction handing buffers between its threads,
 * a quarter of what the node spent. Reads Content-Length and chunked bodies; reconnects once if
 * the server closed an idle connection.
 */
final class BenchConnection implements AutoCloseable {
    private final URI uri;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BenchConnection(String url) {
        uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        head = ("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port() + "\r\nContent-Type: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The request bytes for a body, built ahead so the timed part only writes them. */
    byte[] request(byte[] body) {
        byte[] len = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[head.length + len.length + body.length];
        System.arraycopy(head, 0, r, 0, head.length);
        System.arraycopy(len, 0, r, head.length, len.length);
        System.arraycopy(body, 0, r, head.length + len.length, body.length);
        return r;
    }

    byte[] post(byte[] request) throws IOException {
        boolean fresh = socket == null;
        if (fresh) open();
        try {
            out.write(request);
            out.flush();
            return response();
        } catch (IOException e) {
            close();
            if (fresh) throw e;
            open(); // the server closed a kept-alive connection between requests
            out.write(request);
            out.flush();
            return response();
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), port()), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
    }

    private int port() {
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    private byte[] response() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + status);
        int length = -1;
        boolean chunked = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Integer.parseInt(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) chunked = true;
        }
        if (!chunked) {
            if (length < 0) throw new IOException("response without Content-Length or chunked body: " + status);
            return in.readNBytes(length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {} // trailers
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String l = line();
        int semi = l.indexOf(';');
        return Integer.parseInt((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed mid-response");
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }

    @Override public void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) { // closing a socket that is gone already
        }
        socket = null;
    }
}
