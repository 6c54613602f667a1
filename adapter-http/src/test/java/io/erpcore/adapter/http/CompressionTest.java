package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompressionTest {

    private JavalinApplication app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<byte[]> fetch(Map<String, String> variables, int size) {
        app = TestApplications.builder(variables)
                .routes(routes -> routes.get("/api/v1/text", RouteAccess.anyone(), ctx -> ctx.result("a".repeat(size))))
                .build().start();
        HttpTestClient http = HttpTestClient.on(app);
        try {
            return java.net.http.HttpClient.newHttpClient().send(http.request("/api/v1/text").header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_answer_over_one_kilobyte_is_gzipped_for_a_client_that_accepts_it() throws Exception {
        HttpResponse<byte[]> response = fetch(Map.of(), 4096);

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] text = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        assertThat(new String(text, StandardCharsets.UTF_8)).hasSize(4096);
    }

    @Test
    void an_answer_under_one_kilobyte_is_sent_as_is() {
        HttpResponse<byte[]> response = fetch(Map.of(), 512);

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).hasSize(512);
    }

    @Test
    void nothing_is_gzipped_when_compression_is_disabled() {
        HttpResponse<byte[]> response = fetch(Map.of("COMPRESSION_ENABLED", "false"), 4096);

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    }
}
