package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowDownOverHttpTest {

    private JavalinApplication app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpTestClient start(Map<String, String> variables, int maxThreads) {
        app = TestApplications.builder(variables)
                .maxThreads(maxThreads)
                .routes(routes -> routes.get("/api/v1/open", RouteAccess.anyone(), ctx -> ctx.result("ok")))
                .build().start();
        return HttpTestClient.on(app);
    }

    private static Duration timed(HttpTestClient http) {
        long start = System.nanoTime();
        HttpResponse<String> response = http.get("/api/v1/open");
        assertThat(response.statusCode()).isEqualTo(200);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void requests_past_the_threshold_wait_one_step_longer_each_up_to_the_maximum() {
        HttpTestClient http = start(Map.of("SPEED_LIMIT_DELAY_AFTER", "2", "SPEED_LIMIT_DELAY_MS", "300",
                "SPEED_LIMIT_MAX_DELAY_MS", "600"), 200);
        timed(http);
        timed(http);

        Duration third = timed(http);
        Duration fourth = timed(http);
        Duration fifth = timed(http);

        assertThat(third).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(fourth).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(fifth).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void waiting_requests_hold_no_server_thread() {
        // Eight threads, of which Jetty's acceptor and selectors take some: were each waiting request to
        // hold a thread, thirty of them would queue behind one another for at least six rounds of 1.5 s.
        HttpTestClient http = start(Map.of("SPEED_LIMIT_DELAY_AFTER", "1", "SPEED_LIMIT_DELAY_MS", "1500",
                "SPEED_LIMIT_MAX_DELAY_MS", "1500"), 8);
        timed(http);
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Duration>> waits = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                waits.add(CompletableFuture.supplyAsync(() -> timed(http), clients));
            }
            waits.forEach(CompletableFuture::join);
            Duration all = Duration.ofNanos(System.nanoTime() - start);

            assertThat(waits).allSatisfy(wait -> assertThat(wait.join()).isGreaterThanOrEqualTo(Duration.ofMillis(1500)));
            assertThat(all).isLessThan(Duration.ofMillis(1500 * 4));
        } finally {
            clients.shutdownNow();
        }
    }
}
