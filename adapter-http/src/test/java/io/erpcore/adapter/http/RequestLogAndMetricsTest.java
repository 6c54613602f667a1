package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every request leaves one log line and its metrics, labelled by route template, never by raw path. */
class RequestLogAndMetricsTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger httpLogger = (Logger) LoggerFactory.getLogger(StructuredLogger.REQUEST_LINES);
    private Level previousLevel;
    private MicrometerMetricsSink sink;
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        previousLevel = httpLogger.getLevel();
        httpLogger.setLevel(Level.INFO);
        lines.start();
        httpLogger.addAppender(lines);
        AppConfig config = TestApplications.config(Map.of());
        sink = MicrometerMetricsSink.prometheus();
        app = JavalinApplication.builder(config, Metrics.create(sink, config.metricsConfig()))
                .routes(routes -> routes.get("/api/v1/things/{id}", RouteAccess.anyone(), ctx -> ctx.result("thing")))
                .build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() {
        app.stop();
        httpLogger.detachAppender(lines);
        httpLogger.setLevel(previousLevel);
    }

    /**
     * The log line and the metrics are written after the answer has gone out, so the client can be
     * a moment ahead of them: retries {@code check} for up to two seconds.
     */
    private static void eventually(Runnable check) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void a_request_is_counted_under_its_route_template() {
        http.get("/api/v1/things/42");
        http.get("/api/v1/things/43");

        eventually(() -> assertThat(sink.scrape()).containsPattern(
                "http_requests_total\\{[^}]*path=\"/api/v1/things/\\{id}\"[^}]*status_code=\"200\"[^}]*} 2"));
    }

    @Test
    void an_unknown_path_is_counted_as_unmatched_and_as_an_error() {
        http.get("/api/v1/random-" + System.nanoTime());

        eventually(() -> assertThat(sink.scrape())
                .containsPattern("http_errors_total\\{[^}]*path=\"unmatched\"[^}]*status_code=\"404\"")
                .doesNotContain("random-"));
    }

    @Test
    void each_request_writes_one_line_under_its_correlation_id() {
        http.get("/api/v1/things/42", "X-Request-ID", "line-1");

        eventually(() -> assertThat(List.copyOf(lines.list))
                .filteredOn(event -> "line-1".equals(event.getMDCPropertyMap().get("correlationId")))
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).isEqualTo("GET /api/v1/things/42 200")));
    }

    @Test
    void probes_of_the_operational_endpoints_are_counted_but_not_logged() {
        http.get("/health/live", "X-Request-ID", "probe-1");

        eventually(() -> assertThat(sink.scrape()).contains("path=\"/health/live\""));
        assertThat(List.copyOf(lines.list)).noneMatch(event -> "probe-1".equals(event.getMDCPropertyMap().get("correlationId")));
    }
}
