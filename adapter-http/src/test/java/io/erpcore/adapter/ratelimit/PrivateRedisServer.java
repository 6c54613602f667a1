package io.erpcore.adapter.ratelimit;

import io.erpcore.config.RedisUrl;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} of the test's own, on a free port of 127.0.0.1, without persistence, for
 * fault tests that stop and restart Redis: never the machine's shared server, whose other users a
 * stop would hurt. The server dies with the JVM at the latest.
 */
public final class PrivateRedisServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    private static final String FALLBACK_BINARY = "/usr/bin/redis-server";

    private final Path binary;
    private final int port;
    private final Path log;
    private Process process;

    private PrivateRedisServer(Path binary, int port, Path log) {
        this.binary = binary;
        this.port = port;
        this.log = log;
    }

    /** Starts a server on a free port; skips the calling test, or fails it under CI, without {@code redis-server}. */
    public static PrivateRedisServer start() {
        Path binary = findBinary().orElseThrow(() -> TestEnvironment.skipOrFail(
                "No redis-server on the PATH or at " + FALLBACK_BINARY + " for this fault test"));
        try {
            PrivateRedisServer server = new PrivateRedisServer(binary, freePort(), Files.createTempFile("erp-redis-", ".log"));
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a private redis-server", e);
        }
    }

    /** Where the server listens. */
    public RedisUrl url() {
        return RedisUrl.parse("redis://127.0.0.1:" + port);
    }

    /** Stops the server as an outage would: every connection to it drops, and new ones are refused. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // A frozen server handles SIGTERM only once it runs again; wake it first, since a server that
        // got SIGTERM may be gone before a later SIGCONT could reach it.
        if (process.isAlive()) {
            signal("-CONT");
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /**
     * Freezes the server (SIGSTOP) as a hung host or a network partition would: connections stay
     * open, and nothing answers on them until {@link #thaw()}.
     */
    public synchronized void freeze() {
        signal("-STOP");
    }

    /** Lets a frozen server run again (SIGCONT). */
    public synchronized void thaw() {
        signal("-CONT");
    }

    /** Starts the server again on the same port, empty, as a restart without persistence leaves it. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a log file in the temporary directory is not worth failing a test over
        }
    }

    private void signal(String signal) {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run kill " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + signal + " to redis-server", e);
        }
    }

    private synchronized void startProcess() {
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", System.getProperty("java.io.tmpdir")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + binary, e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "erp-private-redis-" + port));
        awaitPong(started);
    }

    private void awaitPong(Process started) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + logText());
            }
            if (answersPing()) {
                return;
            }
            pause();
        }
        started.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
                + STARTUP_TIMEOUT.toSeconds() + " s: " + logText());
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Path> findBinary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, "redis-server")), Stream.of(Path.of(FALLBACK_BINARY)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
