package io.erpcore.hostprocess;

import static io.erpcore.hostprocess.Load.millisBetween;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.api.ReliabilityFigures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged host while clients keep sending, as an orchestrator stops a replica
 * (DESIGN section 6): readiness turns 503 at once while everything else is served for the drain
 * delay, then the listener closes, every request already received completes, and the process
 * exits 0; a stop that cannot finish in time exits 124 and names what was still running.
 */
class GracefulStopProcessTest {

    private static final long DRAIN_MS = 1500;
    private static final long STOP_TIMEOUT_MS = 15_000;
    private static final int CLIENTS = 4;

    @TempDir
    Path workingDirectory;

    @TempDir
    Path databaseDirectory;

    private OwnPostgres database;
    private HostProcess host;

    @BeforeEach
    void startDatabase() {
        database = OwnPostgres.on(databaseDirectory).start();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (host != null) {
            host.kill();
        }
        database.close();
    }

    @Test
    void sigterm_under_a_steady_stream_drains_then_completes_every_request_it_received_and_exits_0(TestInfo test)
            throws Exception {
        Map<String, String> settings = Map.of("SHUTDOWN_DRAIN_DELAY_MS", String.valueOf(DRAIN_MS),
                "SHUTDOWN_TIMEOUT_MS", String.valueOf(STOP_TIMEOUT_MS));
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, settings), "--port", "0")
                .awaitListening();
        String token = host.newTenantOwnerToken("steady");
        int port = URI.create(host.url()).getPort();
        Traffic traffic = new Traffic(host.url(), token, port);
        traffic.start();
        Thread.sleep(1000);

        long sigterm = System.nanoTime();
        host.terminate();
        int exitCode = host.awaitExit(Duration.ofSeconds(20));
        long exited = System.nanoTime();
        traffic.stop();

        long listenerClosed = traffic.firstRefusedConnect().orElseThrow();
        List<Integer> statuses = traffic.apiResponseStatuses();
        ReliabilityFigures.of("faults", getClass(), test.getTestMethod().orElseThrow().getName(),
                        "SIGTERM to the host while " + CLIENTS + " clients send GET /api/v1/me back to back")
                .settings(settings).setting("clients", CLIENTS)
                .add("requests answered", statuses.size(), "", "answers the clients received, before and after SIGTERM")
                .add("failed answers", statuses.stream().filter(status -> status != 200).count(), "",
                        "answers other than 200 to requests the server received; must be 0")
                .add("answered during the drain", traffic.apiAnswers(sigterm, listenerClosed).size(), "",
                        "requests sent after SIGTERM and answered before the listener closed")
                .add("refused connections", traffic.apiFailures().size(), "",
                        "client attempts refused after the listener closed: never received, so never answered")
                .add("readiness 503 after SIGTERM", millisBetween(sigterm, traffic.firstReadinessAnswer(503).orElseThrow()),
                        "ms", "from SIGTERM to the first readiness 503; bound 200 ms")
                .add("listener closed after SIGTERM", millisBetween(sigterm, listenerClosed), "ms",
                        "from SIGTERM to the first refused connection; SHUTDOWN_DRAIN_DELAY_MS " + DRAIN_MS)
                .add("exit after SIGTERM", millisBetween(sigterm, exited), "ms",
                        "from SIGTERM to the process's exit, with code " + exitCode + "; SHUTDOWN_TIMEOUT_MS " + STOP_TIMEOUT_MS)
                .write();

        assertThat(exitCode).as(host.stdout()).isZero();
        long firstUnready = traffic.firstReadinessAnswer(503).orElseThrow() - sigterm;
        assertThat(TimeUnit.NANOSECONDS.toMillis(firstUnready)).as("readiness 503 within 200 ms of SIGTERM").isLessThan(200);
        assertThat(traffic.readinessAnswersAfter(traffic.firstReadinessAnswer(503).orElseThrow()))
                .as("readiness stays 503 once the stop began").containsOnly(503);
        assertThat(TimeUnit.NANOSECONDS.toMillis(listenerClosed - sigterm))
                .as("the listener stays open for the drain delay").isGreaterThanOrEqualTo(DRAIN_MS - 100);
        assertThat(traffic.apiAnswers(sigterm + TimeUnit.MILLISECONDS.toNanos(100), listenerClosed))
                .as("requests during the drain are served").isNotEmpty().containsOnly("200");
        assertThat(traffic.apiResponseStatuses()).as("every request that reached the server was answered 200")
                .containsOnly(200);
        assertThat(traffic.apiFailures()).as("the only failures are connections refused after the listener closed")
                .allSatisfy(failure -> assertThat(failure).as(String.valueOf(failure)).isInstanceOf(ConnectException.class));
        assertThat(host.stdout()).contains("readiness answers 503 from now on", "Closing the listener",
                "The HTTP server has stopped", "ERP Core stopped");
    }

    @Test
    void a_stop_that_outlasts_shutdown_timeout_exits_124_and_names_what_was_still_running() throws Exception {
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, Map.of(
                "SHUTDOWN_DRAIN_DELAY_MS", "0",
                "SHUTDOWN_TIMEOUT_MS", "2000")), "--port", "0").awaitListening();
        String token = host.newTenantOwnerToken("stuck");
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + database.port() + "/"
                + OwnPostgres.DATABASE, OwnPostgres.OWNER, "")) {
            // The owner holds the users table: a request reading it waits for the lock (up to the
            // runtime role's lock_timeout of 10 s), a request the server has received and cannot finish.
            owner.setAutoCommit(false);
            owner.createStatement().execute("lock table users in access exclusive mode");
            CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> {
                try {
                    return host.get("/api/v1/users", token);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);

            long sigterm = System.nanoTime();
            host.terminate();
            int exitCode = host.awaitExit(Duration.ofSeconds(20));

            assertThat(exitCode).as(host.stdout()).isEqualTo(124);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm)).isLessThan(5_000);
            assertThat(host.stdout()).contains("The stop did not finish within SHUTDOWN_TIMEOUT_MS (2000 ms); still running: "
                    + "the HTTP server, with 1 connections still open");
            assertThat(stuck).failsWithin(Duration.ofSeconds(10));
            owner.rollback();
        }
    }

    /** Clients sending GET /api/v1/me back to back, a readiness prober and a prober of new connections. */
    private static final class Traffic {

        private final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String url;
        private final String token;
        private final int port;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 2);
        private final Queue<Outcome> apiOutcomes = new ConcurrentLinkedQueue<>();
        private final Queue<Outcome> readiness = new ConcurrentLinkedQueue<>();
        private final AtomicLong firstRefused = new AtomicLong();

        Traffic(String url, String token, int port) {
            this.url = url;
            this.token = token;
            this.port = port;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                threads.submit(this::sendApiRequests);
            }
            threads.submit(this::probeReadiness);
            threads.submit(this::probeNewConnections);
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }

        private void sendApiRequests() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
            while (running.get()) {
                Outcome outcome = send(api, request);
                apiOutcomes.add(outcome);
                if (outcome.failure() != null) {
                    pause(5);
                }
            }
        }

        private void probeReadiness() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/health/ready")).timeout(Duration.ofSeconds(2)).build();
            while (running.get()) {
                readiness.add(send(probe, request));
                pause(10);
            }
        }

        private void probeNewConnections() {
            while (running.get() && firstRefused.get() == 0) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                } catch (ConnectException refused) {
                    firstRefused.compareAndSet(0, System.nanoTime());
                } catch (IOException other) {
                    // A timeout or a reset says nothing about the listener; try again.
                }
                pause(10);
            }
        }

        private static Outcome send(HttpClient client, HttpRequest request) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                return new Outcome(start, System.nanoTime(), response.statusCode(), null);
            } catch (IOException e) {
                return new Outcome(start, System.nanoTime(), 0, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(start, System.nanoTime(), 0, e);
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Optional<Long> firstReadinessAnswer(int status) {
            return readiness.stream().filter(o -> o.status() == status).map(Outcome::end).min(Long::compare);
        }

        List<Integer> readinessAnswersAfter(long time) {
            return readiness.stream().filter(o -> o.start() > time && o.failure() == null).map(Outcome::status).toList();
        }

        /** When a new connection was first refused, by the prober or by a client, whichever saw it first. */
        Optional<Long> firstRefusedConnect() {
            Optional<Long> byClients = apiOutcomes.stream().filter(o -> o.failure() instanceof ConnectException)
                    .map(Outcome::end).min(Long::compare);
            Optional<Long> byProber = firstRefused.get() == 0 ? Optional.empty() : Optional.of(firstRefused.get());
            return Stream.concat(byClients.stream(), byProber.stream()).min(Long::compare);
        }

        /** The answers to requests sent and answered between {@code from} and {@code to}: a status, or the failure. */
        List<String> apiAnswers(long from, long to) {
            return apiOutcomes.stream().filter(o -> o.start() >= from && o.end() < to).map(Outcome::describe).toList();
        }

        List<Integer> apiResponseStatuses() {
            return apiOutcomes.stream().filter(o -> o.failure() == null).map(Outcome::status).toList();
        }

        List<Throwable> apiFailures() {
            return apiOutcomes.stream().map(Outcome::failure).filter(Objects::nonNull).toList();
        }
    }

    private record Outcome(long start, long end, int status, Throwable failure) {

        String describe() {
            return failure == null ? String.valueOf(status) : failure.toString();
        }
    }
}
