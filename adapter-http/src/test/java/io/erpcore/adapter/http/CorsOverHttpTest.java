package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorsOverHttpTest {

    private static final String ALLOWED = "https://app.example.com";

    private JavalinApplication app;
    private int handled;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpTestClient start(boolean cors) {
        app = TestApplications.builder(Map.of("CORS_ORIGINS", ALLOWED))
                .cors(cors)
                .routes(routes -> routes.post("/api/v1/orders", RouteAccess.anyone(), ctx -> {
                    handled++;
                    ctx.status(201);
                }))
                .build().start();
        return HttpTestClient.on(app);
    }

    private static HttpResponse<String> preflight(HttpTestClient http, String origin, String method, String headers) {
        HttpRequest.Builder request = http.request("/api/v1/orders").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return http.send(request.build());
    }

    @Test
    void an_allowed_preflight_is_answered_204_with_the_allowed_methods_and_headers() {
        HttpResponse<String> response = preflight(start(true), ALLOWED, "POST", "authorization, content-type");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Authorization");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(handled).isZero();
    }

    @Test
    void a_preflight_from_an_unlisted_origin_is_refused_without_any_cors_header() {
        HttpResponse<String> response = preflight(start(true), "https://evil.example.org", "POST", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"CORS_REJECTED\"");
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void a_preflight_asking_for_a_header_the_api_does_not_allow_is_refused() {
        HttpResponse<String> response = preflight(start(true), ALLOWED, "POST", "X-Debug-Me");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void an_actual_request_from_an_allowed_origin_gets_the_origin_echoed() {
        HttpTestClient http = start(true);
        HttpResponse<String> response = http.send("POST", "/api/v1/orders", "application/json", "{}", "Origin", ALLOWED);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Origin"));
    }

    @Test
    void an_actual_request_from_an_unlisted_origin_gets_no_allow_origin() {
        HttpResponse<String> response = start(true).send("POST", "/api/v1/orders", "application/json", "{}",
                "Origin", "https://evil.example.org");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void with_cors_switched_off_no_answer_carries_cors_headers() {
        HttpTestClient http = start(false);
        HttpResponse<String> response = http.send("POST", "/api/v1/orders", "application/json", "{}", "Origin", ALLOWED);

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight(http, ALLOWED, "POST", null).statusCode()).isNotEqualTo(204);
    }
}
