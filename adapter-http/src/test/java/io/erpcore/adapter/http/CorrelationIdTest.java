package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdTest {

    private final AtomicReference<String> seenTrace = new AtomicReference<>();
    private final AtomicReference<String> seenMdc = new AtomicReference<>();
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        app = TestApplications.builder()
                .routes(routes -> routes.get("/api/v1/echo", RouteAccess.anyone(), ctx -> {
                    seenTrace.set(ApiRequest.of(ctx).traceId().orElse("none"));
                    seenMdc.set(MDC.get("correlationId"));
                    ctx.result(ApiRequest.of(ctx).correlationId());
                }))
                .build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_well_formed_request_id_is_kept_and_echoed() {
        HttpResponse<String> response = http.get("/api/v1/echo", "X-Request-ID", "abc-123");

        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("abc-123");
        assertThat(response.body()).isEqualTo("abc-123");
    }

    @Test
    void a_correlation_id_header_is_taken_when_no_request_id_came() {
        assertThat(http.get("/api/v1/echo", "X-Correlation-ID", "corr-9").body()).isEqualTo("corr-9");
    }

    @Test
    void a_malformed_request_id_is_replaced() {
        HttpResponse<String> response = http.get("/api/v1/echo", "X-Request-ID", "bad id with spaces");

        assertThat(response.body()).isNotEqualTo("bad id with spaces").matches("[0-9a-f-]{36}");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue(response.body());
    }

    @Test
    void every_answer_carries_a_request_id_even_a_404() {
        assertThat(http.get("/nowhere").headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void the_handler_logs_under_the_correlation_id() {
        http.get("/api/v1/echo", "X-Request-ID", "log-me");

        assertThat(seenMdc.get()).isEqualTo("log-me");
    }

    @Test
    void a_traceparent_trace_id_reaches_the_request() {
        http.get("/api/v1/echo", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(seenTrace.get()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void a_malformed_traceparent_is_ignored() {
        http.get("/api/v1/echo", "traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(seenTrace.get()).isEqualTo("none");
    }
}
