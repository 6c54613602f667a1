package io.erpcore.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for load: it writes a fixed request and reads
 * the status and a {@code Content-Length} body, scanning bytes in bulk without making a string.
 * Its own cost is a few microseconds, so the server's
 * work dominates what a benchmark measures. Not thread-safe: one per benchmark thread.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final byte[] request;
    private final byte[] buffer = new byte[64 * 1024];
    private int filled;

    KeepAliveHttpClient(int port, String path, String... headers) throws IOException {
        this(port, request(path, headers));
    }

    /** A client on a connection of its own whose {@link #call()} sends {@code request}; {@link #call(byte[])} sends any. */
    KeepAliveHttpClient(int port, byte[] request) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        this.request = request;
    }

    /** The bytes of {@code GET path} with {@code headers} (name, value, ...), for {@link #call(byte[])}. */
    static byte[] request(String path, String... headers) {
        StringBuilder text = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the request and returns the status code, having read the whole answer. */
    int call() throws IOException {
        return call(request);
    }

    /** Sends {@code bytes}, a whole request, and returns the status code, having read the whole answer. */
    int call(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        int headerEnd = readHeaders();
        int status = (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
        int bodyRead = filled - headerEnd;
        int length = contentLength(headerEnd);
        while (bodyRead < length) {
            int n = in.read(buffer, 0, Math.min(buffer.length, length - bodyRead));
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            bodyRead += n;
        }
        return status;
    }

    /** Reads until the blank line that ends the headers; answers where the body starts in the buffer. */
    private int readHeaders() throws IOException {
        filled = 0;
        while (true) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            int from = Math.max(0, filled - 3);
            filled += n;
            for (int i = from; i + 3 < filled; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i + 4;
                }
            }
        }
    }

    /** Scans the header lines from the last one back: servers write Content-Length late, if not last. */
    private int contentLength(int headerEnd) {
        int lineEnd = headerEnd - 4; // the '\r' that ends the last header line
        while (lineEnd > 0) {
            int lineStart = lineEnd - 1;
            while (lineStart > 0 && buffer[lineStart - 1] != '\n') {
                lineStart--;
            }
            if (lineEnd - lineStart > CONTENT_LENGTH.length && startsWithIgnoringCase(lineStart)) {
                int value = 0;
                for (int j = lineStart + CONTENT_LENGTH.length; j < lineEnd; j++) {
                    if (buffer[j] >= '0' && buffer[j] <= '9') {
                        value = value * 10 + buffer[j] - '0';
                    }
                }
                return value;
            }
            lineEnd = lineStart - 2;
        }
        return 0;
    }

    private boolean startsWithIgnoringCase(int at) {
        for (int k = 0; k < CONTENT_LENGTH.length; k++) {
            if ((buffer[at + k] | 0x20) != (CONTENT_LENGTH[k] | 0x20)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
