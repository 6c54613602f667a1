package io.erpcore.adapter.api;

import static io.erpcore.adapter.http.HealthProbes.INTERVAL;
import static io.erpcore.adapter.http.HealthProbes.TIMEOUT;
import static io.erpcore.adapter.http.HealthProbes.awaitStatus;
import static io.erpcore.adapter.http.HealthProbes.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.http.HealthProbes;
import io.erpcore.adapter.ratelimit.PrivateRedisServer;
import io.erpcore.adapter.ratelimit.RedisFixture;
import io.erpcore.config.RedisUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code redis} component of the standalone API when {@code REDIS_URL} is set. */
class RedisHealthTest {

    // One interval and one timeout, plus a second for polling and a slow machine.
    private static final Duration DETECTION = INTERVAL.plus(TIMEOUT).plusSeconds(1);
    // Lettuce reconnects within its backoff (at most 2 s here), then a round sees PONG.
    private static final Duration RECOVERY = Duration.ofSeconds(8);

    private static StandaloneServer start(RedisUrl redis, String failureMode) {
        List<String> variables = new ArrayList<>(List.of(HealthProbes.fastChecks()));
        variables.addAll(List.of("REDIS_URL", "redis://" + redis.host() + ":" + redis.port(),
                "RATE_LIMIT_REDIS_FAILURE", failureMode));
        return StandaloneServer.start(variables.toArray(String[]::new));
    }

    @Test
    void detailed_health_shows_redis_up_with_its_latency() {
        try (StandaloneServer server = start(RedisFixture.sharedServer(), "open")) {
            var redis = component(server.http(), "redis");

            assertThat(redis.path("status").asText()).isEqualTo("UP");
            assertThat(redis.path("latencyMs").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void with_failure_mode_closed_readiness_is_503_while_redis_is_down_and_200_once_it_is_back() {
        try (PrivateRedisServer redis = PrivateRedisServer.start(); StandaloneServer server = start(redis.url(), "closed")) {
            assertThat(server.http().get("/health/ready").statusCode()).isEqualTo(200);

            redis.stop();
            awaitStatus(server.http(), "/health/ready", 503, DETECTION);
            assertThat(component(server.http(), "redis").path("status").asText()).isEqualTo("DOWN");
            assertThat(server.http().get("/health/live").statusCode()).isEqualTo(200);

            redis.restart();
            awaitStatus(server.http(), "/health/ready", 200, RECOVERY);
        }
    }

    @Test
    void with_failure_mode_open_redis_down_is_shown_but_readiness_stays_200() {
        try (PrivateRedisServer redis = PrivateRedisServer.start(); StandaloneServer server = start(redis.url(), "open")) {
            redis.stop();

            long deadline = System.nanoTime() + DETECTION.toNanos();
            while (component(server.http(), "redis").path("status").asText().equals("UP") && System.nanoTime() < deadline) {
                HealthProbes.sleep(Duration.ofMillis(20));
            }

            assertThat(component(server.http(), "redis").path("status").asText()).isEqualTo("DOWN");
            assertThat(server.http().get("/health/ready").statusCode()).isEqualTo(200);
        }
    }
}
