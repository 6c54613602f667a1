package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationalEndpointsTest {

    private static final String OPS_TOKEN = "ops-Kq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0d";
    private static final String METRICS_TOKEN = "metrics-Zr8vN2kLw5pR7tX1yB4cF6hJ9mQ3";

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private JavalinApplication app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpTestClient start(Map<String, String> variables) {
        Map<String, String> values = new HashMap<>(variables);
        values.put("HEALTH_CHECK_INTERVAL_MS", String.valueOf(HealthProbes.INTERVAL.toMillis()));
        values.put("HEALTH_CHECK_TIMEOUT_MS", String.valueOf(HealthProbes.TIMEOUT.toMillis()));
        app = TestApplications.builder(values)
                .healthCheck("database", () -> databaseUp.get()
                        ? ComponentHealth.up(Map.of("latencyMs", 1)) : ComponentHealth.down(Map.of("problem", "unreachable")))
                .metricsEndpoint(() -> "# TYPE http_requests_total counter\n")
                .build().start();
        return HttpTestClient.on(app);
    }

    @Test
    void ping_answers_pong() {
        HttpResponse<String> response = start(Map.of()).get("/ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
    }

    @Test
    void health_is_up_while_every_component_is_up() {
        HttpResponse<String> response = start(Map.of()).get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readiness_is_503_while_the_database_is_down_and_liveness_stays_200() {
        HttpTestClient http = start(Map.of());
        databaseUp.set(false);

        HealthProbes.awaitStatus(http, "/health/ready", 503, Duration.ofSeconds(2));
        assertThat(http.get("/health").body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void readiness_is_503_while_draining() {
        HttpTestClient http = start(Map.of());
        app.startDraining();

        assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(http.get("/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void detailed_health_lists_the_components_in_development_without_a_token() {
        HttpResponse<String> response = start(Map.of()).get("/health/detailed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"status\":\"UP\",\"draining\":false,\"components\":{")
                .contains("\"database\":{\"status\":\"UP\",\"latencyMs\":1}");
    }

    @Test
    void detailed_health_is_404_outside_development_when_ops_token_is_unset() {
        assertThat(start(TestApplications.production()).get("/health/detailed").statusCode()).isEqualTo(404);
    }

    @Test
    void detailed_health_needs_the_ops_token_when_one_is_set() {
        HttpTestClient http = start(TestApplications.production("OPS_TOKEN", OPS_TOKEN));

        assertThat(http.get("/health/detailed").statusCode()).isEqualTo(401);
        assertThat(http.get("/health/detailed", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(http.get("/health/detailed", "Authorization", "Bearer " + OPS_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_are_prometheus_text() {
        HttpResponse<String> response = start(Map.of()).get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).startsWith("# TYPE http_requests_total counter");
    }

    @Test
    void metrics_need_the_metrics_token_when_one_is_set() {
        HttpTestClient http = start(Map.of("METRICS_TOKEN", METRICS_TOKEN));

        assertThat(http.get("/metrics").statusCode()).isEqualTo(401);
        assertThat(http.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_are_404_when_disabled() {
        assertThat(start(Map.of("METRICS_ENABLED", "false")).get("/metrics").statusCode()).isEqualTo(404);
    }
}
