package io.erpcore.deployment;

import io.erpcore.adapter.http.ComponentHealth;
import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.TestApplications;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP application that the host serves, built as the host builds it in production, on a free
 * port, with a database health check whose answer the test decides. Probes are sent to it to
 * learn what a path does, rather than comparing the path with a copy of the route table.
 */
final class ProbedApplication implements AutoCloseable {

    // Checks run on a schedule and probes read their last answers: a short interval lets a changed
    // answer reach the probes quickly.
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JavalinApplication application;

    private ProbedApplication() {
        application = TestApplications.builder(TestApplications.production(
                        "HEALTH_CHECK_INTERVAL_MS", Long.toString(CHECK_INTERVAL.toMillis()), "HEALTH_CHECK_TIMEOUT_MS", "50"))
                .healthCheck("database", () -> databaseUp.get()
                        ? ComponentHealth.up(Map.of())
                        : ComponentHealth.down(Map.of("error", "unreachable")))
                .build()
                .start();
    }

    static ProbedApplication start() {
        return new ProbedApplication();
    }

    /** From now on the database health check answers down (or up again), once the next rounds have run. */
    void databaseUp(boolean up) {
        databaseUp.set(up);
        try {
            Thread.sleep(CHECK_INTERVAL.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the health checks", e);
        }
    }

    /** The shutdown's drain phase: readiness answers 503 from now on. */
    void startDraining() {
        application.startDraining();
    }

    /** The status of {@code GET path}. */
    int get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + application.port() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }

    @Override
    public void close() {
        application.stop();
    }
}
