package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.adapter.ratelimit.PrivateRedisServer;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.Metrics;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas behind one Redis (a private server this test starts and stops) share one limit. */
class SharedRedisLimitOverHttpTest {

    private PrivateRedisServer redis;
    private final List<JavalinApplication> replicas = new ArrayList<>();

    @BeforeEach
    void startRedis() {
        redis = PrivateRedisServer.start();
    }

    @AfterEach
    void stopAll() {
        replicas.forEach(JavalinApplication::stop);
        redis.close();
    }

    private HttpTestClient replica(String failureMode) {
        AppConfig config = TestApplications.config(Map.of("REDIS_URL", redis.url().toString(), "RATE_LIMIT_MAX", "5",
                "RATE_LIMIT_REDIS_FAILURE", failureMode));
        MicrometerMetricsSink sink = MicrometerMetricsSink.prometheus();
        JavalinApplication app = JavalinApplication.builder(config, Metrics.create(sink, config.metricsConfig()))
                .metricsEndpoint(sink::scrape)
                .routes(routes -> routes.get("/api/v1/open", RouteAccess.anyone(), ctx -> ctx.result("ok")))
                .build().start();
        replicas.add(app);
        return HttpTestClient.on(app);
    }

    @Test
    void two_replicas_on_one_redis_allow_exactly_the_limit_between_them() {
        HttpTestClient first = replica("open");
        HttpTestClient second = replica("open");
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            statuses.add((i % 2 == 0 ? first : second).get("/api/v1/open").statusCode());
        }
        HttpResponse<String> sixthOnFirst = first.get("/api/v1/open");
        HttpResponse<String> seventhOnSecond = second.get("/api/v1/open");

        assertThat(statuses).containsOnly(200).hasSize(5);
        assertThat(sixthOnFirst.statusCode()).isEqualTo(429);
        assertThat(seventhOnSecond.statusCode()).isEqualTo(429);
    }

    @Test
    void failing_open_serves_while_redis_is_down_and_counts_the_failure() {
        HttpTestClient http = replica("open");
        assertThat(http.get("/api/v1/open").statusCode()).isEqualTo(200);
        redis.stop();

        HttpResponse<String> response = http.get("/api/v1/open");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.get("/metrics").body()).containsPattern("rate_limit_store_failures_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void failing_closed_answers_503_while_redis_is_down() {
        HttpTestClient http = replica("closed");
        assertThat(http.get("/api/v1/open").statusCode()).isEqualTo(200);
        redis.stop();

        HttpResponse<String> response = http.get("/api/v1/open");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"RATE_LIMIT_UNAVAILABLE\"");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void limits_are_shared_again_once_redis_is_back() {
        HttpTestClient http = replica("closed");
        redis.stop();
        assertThat(http.get("/api/v1/open").statusCode()).isEqualTo(503);
        redis.restart();

        int status = 503;
        for (int attempt = 0; attempt < 50 && status == 503; attempt++) {
            status = http.get("/api/v1/open").statusCode();
            if (status == 503) {
                sleep();
            }
        }

        assertThat(status).isEqualTo(200);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
