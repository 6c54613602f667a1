package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polling the health endpoints of a started application until they answer as expected. */
public final class HealthProbes {

    /** The health settings of the tests: a round every 200 ms, each check given 100 ms. */
    public static final Duration INTERVAL = Duration.ofMillis(200);
    public static final Duration TIMEOUT = Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAUSE = Duration.ofMillis(20);

    private HealthProbes() {
    }

    /** {@code HEALTH_CHECK_INTERVAL_MS} and {@code HEALTH_CHECK_TIMEOUT_MS} as {@link #INTERVAL} and {@link #TIMEOUT}. */
    public static String[] fastChecks() {
        return new String[] {"HEALTH_CHECK_INTERVAL_MS", String.valueOf(INTERVAL.toMillis()),
                "HEALTH_CHECK_TIMEOUT_MS", String.valueOf(TIMEOUT.toMillis())};
    }

    /** Polls {@code path} until it answers {@code status}, for at most {@code within}; how long that took. */
    public static Duration awaitStatus(HttpTestClient http, String path, int status, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        int last = http.get(path).statusCode();
        while (last != status && System.nanoTime() < deadline) {
            pause();
            last = http.get(path).statusCode();
        }
        assertThat(last).as("%s after %s", path, within).isEqualTo(status);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The component {@code name} of {@code /health/detailed}, e.g. {@code {"status":"DOWN","problem":...}}. */
    public static JsonNode component(HttpTestClient http, String name) {
        return detailed(http).path("components").path(name);
    }

    /** The body of {@code /health/detailed}. */
    public static JsonNode detailed(HttpTestClient http) {
        HttpResponse<String> response = http.get("/health/detailed");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sleeps {@code duration}. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private static void pause() {
        sleep(PAUSE);
    }
}
