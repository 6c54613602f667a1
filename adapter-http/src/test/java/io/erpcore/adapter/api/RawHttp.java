package io.erpcore.adapter.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, one request per connection, sending exactly the bytes it is given:
 * repeated or conflicting headers, raw bytes in the path, a body longer or shorter than its
 * {@code Content-Length}. {@code java.net.http} refuses to send most of these. The body is written
 * on another thread while the answer is read, so a server that answers before reading a huge body
 * (413, 431) is heard rather than lost in a reset.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    private final int port;

    private RawHttp(int port) {
        this.port = port;
    }

    /** A client of the server listening on {@code port} of 127.0.0.1. */
    public static RawHttp on(int port) {
        return new RawHttp(port);
    }

    /**
     * Sends {@code method target} with {@code headers} (name, value, ...; written as given, in order,
     * ISO-8859-1) and {@code body}, adding {@code Host} and {@code Connection: close} unless
     * {@code headers} names them, but never {@code Content-Length}: the caller decides it.
     */
    public Answer send(String method, String target, List<String> headers, byte[] body) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, method + " " + target + " HTTP/1.1\r\n");
        boolean host = false;
        boolean connection = false;
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            host |= headers.get(i).equalsIgnoreCase("Host");
            connection |= headers.get(i).equalsIgnoreCase("Connection");
            write(head, headers.get(i) + ": " + headers.get(i + 1) + "\r\n");
        }
        if (!host) {
            write(head, "Host: 127.0.0.1:" + port + "\r\n");
        }
        if (!connection) {
            write(head, "Connection: close\r\n");
        }
        write(head, "\r\n");
        return exchange(head.toByteArray(), body);
    }

    /** {@code headers} plus {@code Content-Length} of {@code body}, as a client that follows the rules sends them. */
    public static List<String> withLength(List<String> headers, byte[] body) {
        List<String> all = new ArrayList<>(headers);
        if (body.length > 0) {
            all.add("Content-Length");
            all.add(Integer.toString(body.length));
        }
        return all;
    }

    private Answer exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head);
                    out.write(body);
                    out.flush();
                } catch (IOException stoppedReading) {
                    // The server answered and closed before taking everything: its answer is what counts.
                }
            });
            byte[] received = readAll(socket.getInputStream());
            sent.cancel(true);
            return Answer.parse(received);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from 127.0.0.1:" + port, e);
        }
    }

    // Connection: close, so the answer ends where the stream does; a reset after a whole answer is no loss.
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An answer: status, headers in order (name, value, ...), and the body decoded as UTF-8. */
    public record Answer(int status, List<String> headers, String body) {

        /** The first value of header {@code name}, in any case. */
        public Optional<String> header(String name) {
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return Optional.of(headers.get(i + 1));
                }
            }
            return Optional.empty();
        }

        static Answer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                throw new IllegalStateException("not an HTTP/1.1 answer: " + text.substring(0, Math.min(200, text.length())));
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            if (status < 200) {
                // An interim answer (100 Continue): the final one follows it.
                return parse(java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length));
            }
            List<String> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(lines[i].substring(0, colon).strip());
                headers.add(lines[i].substring(colon + 1).strip());
            }
            byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            Answer answer = new Answer(status, headers, "");
            boolean chunked = answer.header("Transfer-Encoding")
                    .filter(value -> value.toLowerCase(Locale.ROOT).contains("chunked")).isPresent();
            byte[] body = chunked ? dechunk(rest) : rest;
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] bytes) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int lineEnd = indexOf(bytes, at);
                String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (length == 0) {
                    break;
                }
                body.write(bytes, lineEnd + 2, length);
                at = lineEnd + 2 + length + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("a chunk without its line end");
        }
    }
}
