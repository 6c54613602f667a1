package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHeadersOverHttpTest {

    private JavalinApplication app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpTestClient start(Map<String, String> variables) {
        app = TestApplications.builder(variables)
                .routes(routes -> routes
                        .get("/api/v1/ok", RouteAccess.anyone(), ctx -> ctx.json(Map.of("ok", true)))
                        .get("/api/v1/boom", RouteAccess.anyone(), ctx -> {
                            throw new IllegalStateException("boom");
                        }))
                .build().start();
        return HttpTestClient.on(app);
    }

    private static void assertHelmetSet(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self';");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Origin-Agent-Cluster")).hasValue("?1");
        assertThat(headers.firstValue("X-XSS-Protection")).hasValue("0");
        assertThat(headers.firstValue("X-DNS-Prefetch-Control")).hasValue("off");
        assertThat(headers.firstValue("X-Download-Options")).hasValue("noopen");
        assertThat(headers.firstValue("X-Permitted-Cross-Domain-Policies")).hasValue("none");
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        assertThat(headers.firstValue("X-Powered-By")).isEmpty();
        assertThat(headers.firstValue("Server")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/ok", "/api/v1/nowhere", "/api/v1/boom", "/ping", "/health"})
    void every_answer_carries_helmets_headers_whatever_its_status(String path) {
        HttpResponse<String> response = start(TestApplications.production()).get(path);

        assertHelmetSet(response.headers());
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
    }

    @Test
    void a_405_carries_them_too() {
        HttpResponse<String> response = start(Map.of()).send("DELETE", "/api/v1/ok", null, "");

        assertThat(response.statusCode()).isEqualTo(405);
        assertHelmetSet(response.headers());
    }

    @Test
    void development_sends_no_hsts() {
        HttpResponse<String> response = start(Map.of()).get("/api/v1/ok");

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertHelmetSet(response.headers());
    }
}
