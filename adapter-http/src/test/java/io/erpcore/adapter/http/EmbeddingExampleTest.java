package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.Metrics;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run: the text between the markers is the README's. */
class EmbeddingExampleTest {

    @Test
    void the_readme_example_serves_its_route_behind_the_whole_chain() {
        AppConfig config = TestApplications.config(Map.of());
        Metrics metrics = Metrics.create(MicrometerMetricsSink.prometheus(), config.metricsConfig());
        // README example begins
        JavalinApplication app = JavalinApplication.builder(config, metrics)
                .cors(false)
                .middleware(ChainPoint.BEFORE_HANDLER, "served-by", (ctx, request) -> ctx.header("X-Served-By", "orders"))
                .routes(routes -> routes
                        .get("/api/v1/orders/{id}", RouteAccess.tenant("orders:read"),
                                ctx -> ctx.json(Map.of("id", ctx.pathParam("id"))))
                        .get("/api/v1/catalogue", RouteAccess.anyone(),
                                ctx -> ctx.json(Map.of("items", 3))))
                .build()
                .start();
        // README example ends
        try {
            HttpTestClient http = HttpTestClient.on(app);
            HttpResponse<String> open = http.get("/api/v1/catalogue");
            HttpResponse<String> guarded = http.get("/api/v1/orders/42");

            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.body()).isEqualTo("{\"items\":3}");
            assertThat(open.headers().firstValue("X-Served-By")).hasValue("orders");
            assertThat(guarded.statusCode()).isEqualTo(401);
        } finally {
            app.stop();
        }
    }

    @Test
    void the_readme_shows_exactly_the_example_this_test_runs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/erpcore/adapter/http/EmbeddingExampleTest.java"));
        String example = source.substring(source.indexOf("// README example begins\n") + "// README example begins\n".length(),
                source.indexOf("        // README example ends"));
        String readme = Files.readString(Path.of("../README.md"));

        String unindented = example.lines().map(line -> line.substring(Math.min(8, line.length())))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

        assertThat(readme).contains(unindented);
    }
}
