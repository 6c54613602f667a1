package io.erpcore.adapter.http;

import static io.erpcore.adapter.http.HealthProbes.INTERVAL;
import static io.erpcore.adapter.http.HealthProbes.TIMEOUT;
import static io.erpcore.adapter.http.HealthProbes.awaitStatus;
import static io.erpcore.adapter.http.HealthProbes.component;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled health model over real HTTP: checks run every {@link HealthProbes#INTERVAL} with
 * {@link HealthProbes#TIMEOUT} to answer, and probes read their last answers.
 */
class ScheduledHealthTest {

    private static final Duration HANG = Duration.ofSeconds(10);
    // A round every INTERVAL, each bounded by TIMEOUT; the rest absorbs a slow machine.
    private static final Duration NEXT_ROUND = INTERVAL.plus(TIMEOUT).plusSeconds(1);

    private final CountDownLatch release = new CountDownLatch(1);
    private JavalinApplication app;

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            app.stop();
        }
    }

    private HttpTestClient start(JavalinApplication.Builder builder) {
        app = builder.build().start();
        return HttpTestClient.on(app);
    }

    private static JavalinApplication.Builder fast(String... variables) {
        Map<String, String> values = new HashMap<>();
        String[] fast = HealthProbes.fastChecks();
        for (int i = 0; i + 1 < fast.length; i += 2) {
            values.put(fast[i], fast[i + 1]);
        }
        for (int i = 0; i + 1 < variables.length; i += 2) {
            values.put(variables[i], variables[i + 1]);
        }
        return TestApplications.builder(values);
    }

    private HealthCheck hanging(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            try {
                release.await(HANG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ComponentHealth.up(Map.of());
        };
    }

    @Test
    void readiness_answers_from_the_cache_at_once_while_a_check_hangs() {
        HttpTestClient http = start(fast().healthCheck("database", hanging(new AtomicInteger())));
        http.get("/ping"); // the client's connection and the server's first request are not the probe's cost

        long start = System.nanoTime();
        HttpResponse<String> ready = http.get("/health/ready");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(took).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void a_check_that_does_not_answer_in_time_is_down_as_timed_out() {
        HttpTestClient http = start(fast().healthCheck("database", hanging(new AtomicInteger())));

        assertThat(component(http, "database").path("status").asText()).isEqualTo("DOWN");
        assertThat(component(http, "database").path("problem").asText())
                .startsWith("timed out after " + TIMEOUT.toMillis() + " ms");
    }

    @Test
    void a_hung_check_is_not_called_again_until_it_returns_and_is_down_as_still_running() {
        AtomicInteger calls = new AtomicInteger();
        HttpTestClient http = start(fast().healthCheck("database", hanging(calls)));

        HealthProbes.sleep(INTERVAL.multipliedBy(3));

        assertThat(calls).hasValue(1);
        assertThat(component(http, "database").path("problem").asText())
                .startsWith("timed out after " + TIMEOUT.toMillis() + " ms; still running");
    }

    @Test
    void readiness_is_503_while_a_check_is_down_and_200_again_on_the_round_after_it_recovers() {
        AtomicBoolean up = new AtomicBoolean(true);
        HttpTestClient http = start(fast().healthCheck("database",
                () -> up.get() ? ComponentHealth.up(Map.of()) : ComponentHealth.down(Map.of("problem", "unreachable"))));
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);

        up.set(false);
        awaitStatus(http, "/health/ready", 503, NEXT_ROUND);
        assertThat(http.get("/health").statusCode()).isEqualTo(503);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

        up.set(true);
        awaitStatus(http, "/health/ready", 200, NEXT_ROUND);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void liveness_is_200_while_every_check_hangs() {
        HttpTestClient http = start(fast().healthCheck("database", hanging(new AtomicInteger())));

        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void the_first_round_runs_before_the_application_listens() {
        HttpTestClient http = start(fast().healthCheck("database", () -> ComponentHealth.up(Map.of())));

        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void a_check_that_throws_is_down_with_what_it_threw() {
        HttpTestClient http = start(fast().healthCheck("database", () -> {
            throw new IllegalStateException("broken check");
        }));

        assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(component(http, "database").path("problem").asText()).contains("broken check");
    }

    @Test
    void an_informative_check_that_is_down_leaves_readiness_up() {
        HttpTestClient http = start(fast().informativeCheck("disk", () -> ComponentHealth.down(Map.of("freeMb", 1))));

        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(component(http, "disk").path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void readiness_is_503_while_draining_though_every_check_is_up() {
        HttpTestClient http = start(fast().healthCheck("database", () -> ComponentHealth.up(Map.of())));
        app.startDraining();

        assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void stopping_the_application_closes_the_checks_that_hold_resources() {
        AtomicBoolean closed = new AtomicBoolean();
        start(fast().healthCheck("redis", new ClosingCheck(closed)));

        app.stop();
        app = null;

        assertThat(closed).isTrue();
    }

    @Test
    void detailed_health_shows_the_process_components() {
        HttpTestClient http = start(fast());

        assertThat(component(http, "heap").path("status").asText()).isEqualTo("UP");
        assertThat(component(http, "heap").path("maxMb").asLong()).isPositive();
        assertThat(component(http, "disk").path("totalMb").asLong()).isPositive();
        assertThat(component(http, "disk").has("freeMb")).isTrue();
        assertThat(component(http, "uptime").path("seconds").isIntegralNumber()).isTrue();
        assertThat(component(http, "version").path("version").asText()).isNotBlank();
    }

    private record ClosingCheck(AtomicBoolean closed) implements HealthCheck, AutoCloseable {

        @Override
        public ComponentHealth check() {
            return ComponentHealth.up(Map.of());
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
