package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.persistence.TenantBusyException;
import io.erpcore.tenancy.TenantId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProblemAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Order(String item, int quantity) {
    }

    private JavalinApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private HttpTestClient start(Map<String, String> variables) {
        app = TestApplications.builder(variables)
                .routes(routes -> routes
                        .post("/api/v1/orders", RouteAccess.anyone(), ctx -> ctx.status(201).json(ctx.bodyAsClass(Order.class)))
                        .get("/api/v1/boom", RouteAccess.anyone(), ctx -> {
                            throw new IllegalStateException("select * from users where secret = 'x'");
                        })
                        .get("/api/v1/busy", RouteAccess.anyone(), ctx -> {
                            throw new TenantBusyException(TenantId.random(), 5, Duration.ofMillis(100), Duration.ofSeconds(2));
                        }))
                .build().start();
        return HttpTestClient.on(app);
    }

    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.get("correlationId").asText()).isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
        assertThat(body.get("type").asText()).startsWith("urn:problem:erp-core:");
        return body;
    }

    @Test
    void an_unknown_path_is_a_404_problem() throws Exception {
        HttpResponse<String> response = start(Map.of()).get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = problem(response);
        assertThat(body.get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void a_method_the_route_does_not_answer_is_a_405_problem() throws Exception {
        HttpResponse<String> response = start(Map.of()).send("DELETE", "/api/v1/orders", null, "");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(problem(response).get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_before_it_is_read() throws Exception {
        HttpResponse<String> response = start(Map.of("REQUEST_BODY_LIMIT", "1kb"))
                .send("POST", "/api/v1/orders", "application/json", "{\"item\":\"" + "x".repeat(2048) + "\",\"quantity\":1}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problem(response).get("code").asText()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void a_chunked_body_over_the_limit_is_a_413_problem_when_it_is_read() throws Exception {
        HttpTestClient http = start(Map.of("REQUEST_BODY_LIMIT", "1kb"));
        byte[] body = ("{\"item\":\"" + "x".repeat(4096) + "\",\"quantity\":1}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(http.request("/api/v1/orders")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problem(response).get("code").asText()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() throws Exception {
        HttpResponse<String> response = start(Map.of()).send("POST", "/api/v1/orders", "text/plain", "item=pen");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(problem(response).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformed_json_is_a_400_problem() throws Exception {
        HttpResponse<String> response = start(Map.of()).send("POST", "/api/v1/orders", "application/json", "{\"item\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void json_of_the_wrong_shape_is_a_validation_problem_naming_the_field() throws Exception {
        HttpResponse<String> response = start(Map.of())
                .send("POST", "/api/v1/orders", "application/json", "{\"item\":\"pen\",\"quantity\":\"many\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = problem(response);
        assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("quantity");
    }

    @Test
    void a_valid_body_reaches_the_handler() {
        HttpResponse<String> response = start(Map.of())
                .send("POST", "/api/v1/orders", "application/json; charset=utf-8", "{\"item\":\"pen\",\"quantity\":2}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"quantity\":2");
    }

    @Test
    void an_unexpected_failure_outside_development_is_a_500_that_leaks_nothing() throws Exception {
        HttpResponse<String> response = start(TestApplications.production()).get("/api/v1/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = problem(response);
        assertThat(body.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("select", "IllegalStateException", "at io.erpcore");
    }

    @Test
    void an_unexpected_failure_in_development_names_the_exception() throws Exception {
        HttpResponse<String> response = start(Map.of()).get("/api/v1/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(problem(response).get("detail").asText()).contains("IllegalStateException");
    }

    @Test
    void a_busy_tenant_is_a_503_with_retry_after() throws Exception {
        HttpResponse<String> response = start(Map.of()).get("/api/v1/busy");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problem(response).get("code").asText()).isEqualTo("TENANT_BUSY");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }
}
