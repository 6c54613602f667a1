package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.api.ReliabilityFigures;
import io.erpcore.adapter.ratelimit.PrivateRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged host (two processes on two ports) on one PostgreSQL and one Redis,
 * configured alike (JWT_SECRET, ENCRYPTION_KEY, REDIS_URL), as a load balancer would spread clients
 * over them: what one replica issues, revokes or counts holds on the other. The Redis is a private
 * {@code redis-server}, since rate-limit keys are namespaced by limit and client address only and
 * another test's on the shared one would count against this one's.
 */
class ScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int TENANT_LIMIT = 20;
    private static final int LIMITED_REQUESTS = 3 * TENANT_LIMIT;
    private static final int LIMITED_CLIENTS = 4;

    @TempDir
    static Path directory;

    private static OwnPostgres database;
    private static PrivateRedisServer redis;
    private static Map<String, String> environment;
    private static HostProcess a;
    private static HostProcess b;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        database = OwnPostgres.on(directory.resolve("postgres")).start();
        redis = PrivateRedisServer.start();
        // closed: a check Redis cannot answer in time refuses (503) rather than serves uncounted, so no
        // replica ever serves past a limit, however busy the machine.
        environment = HostProcess.production(database, Map.of("REDIS_URL", redis.url().toString(),
                "RATE_LIMIT_REDIS_FAILURE", "closed"));
        // Started together, as a deployment rolls out: Flyway serializes their migrations.
        // --skip-health: on a busy machine the first Redis check (Lettuce's start included) may outlast
        // its timeout; a load balancer waits for readiness, and so does the test.
        a = HostProcess.launch(Files.createDirectories(directory.resolve("a")), environment, "--port", "0", "--skip-health");
        b = HostProcess.launch(Files.createDirectories(directory.resolve("b")), environment, "--port", "0", "--skip-health");
        a.awaitListening().awaitReady(Duration.ofSeconds(30));
        b.awaitListening().awaitReady(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (HostProcess replica : new HostProcess[] {a, b}) {
            if (replica != null) {
                replica.kill();
            }
        }
        if (redis != null) {
            redis.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_token_issued_by_one_replica_is_honoured_by_the_other(TestInfo test) throws Exception {
        long started = System.nanoTime();
        JsonNode signedInOnA = a.newTenant("issued");
        double signInMillis = millisSince(started);
        JsonNode signedInOnB = b.signIn("issued");

        HttpResponse<String> aTokenOnB = b.get("/api/v1/me", signedInOnA.get("accessToken").asText());
        HttpResponse<String> bTokenOnA = a.get("/api/v1/me", signedInOnB.get("accessToken").asText());
        HttpResponse<String> aRefreshOnB = refresh(b, signedInOnA.get("refreshToken").asText());
        figures(test, "An access token and a refresh token issued by replica A, used on replica B, and the reverse")
                .add("status of A's access token on B", aTokenOnB.statusCode(), "", "GET /api/v1/me on B with the access token A issued")
                .add("status of B's access token on A", bTokenOnA.statusCode(), "", "GET /api/v1/me on A with the access token B issued")
                .add("status of A's refresh token on B", aRefreshOnB.statusCode(), "",
                        "POST /api/v1/auth/refresh on B with the refresh token A issued")
                .add("sign-in", signInMillis, "ms", "creating the tenant and signing in on A (PBKDF2 at 600,000 iterations)")
                .write();

        assertThat(aTokenOnB.statusCode()).as(aTokenOnB.body()).isEqualTo(200);
        assertThat(bTokenOnA.statusCode()).as(bTokenOnA.body()).isEqualTo(200);
        assertThat(JSON.readTree(aTokenOnB.body()).get("id")).isEqualTo(JSON.readTree(bTokenOnA.body()).get("id"));
        assertThat(aRefreshOnB.statusCode()).as(aRefreshOnB.body()).isEqualTo(200);
    }

    @Test
    void a_refresh_token_family_revoked_on_one_replica_by_reuse_detection_is_revoked_on_both(TestInfo test) throws Exception {
        String first = a.newTenant("revoked").get("refreshToken").asText();
        HttpResponse<String> rotated = refresh(a, first);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String second = JSON.readTree(rotated.body()).get("refreshToken").asText();

        HttpResponse<String> reusedOnB = refresh(b, first);
        HttpResponse<String> secondOnB = refresh(b, second);
        HttpResponse<String> secondOnA = refresh(a, second);
        figures(test, "Replica A rotates a refresh token; the old one is presented again on B, then the new one on both")
                .add("status of the rotated token presented again on B", reusedOnB.statusCode(), "", code(reusedOnB)
                        + ": reuse detected, every token of that sign-in revoked")
                .add("status of the newest token on B", secondOnB.statusCode(), "", code(secondOnB) + ": revoked with its family")
                .add("status of the newest token on A", secondOnA.statusCode(), "", code(secondOnA) + ": revoked with its family")
                .write();

        assertThat(reusedOnB.statusCode()).as(reusedOnB.body()).isEqualTo(401);
        assertThat(code(reusedOnB)).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(secondOnB.statusCode()).as("the newest token of the family, on B: " + secondOnB.body()).isEqualTo(401);
        assertThat(secondOnA.statusCode()).as("the newest token of the family, on A: " + secondOnA.body()).isEqualTo(401);
    }

    @Test
    void a_tenant_rate_limit_is_counted_once_across_both_replicas(TestInfo test) throws Exception {
        String tenant = a.createTenant("limited");
        HttpResponse<String> patched = send(a, HttpRequest.newBuilder(a.request("/api/v1/tenants/" + tenant,
                HostProcess.PLATFORM_TOKEN).build().uri()).header("Authorization", "Bearer " + HostProcess.PLATFORM_TOKEN)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"rateLimitMax\":" + TENANT_LIMIT + "}")).build());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        String token = a.signIn("limited").get("accessToken").asText();

        double failuresBefore = storeFailures();
        List<Answer> answers = spreadOverBoth(token);
        double storeFailures = storeFailures() - failuresBefore;
        long ok = answers.stream().filter(answer -> answer.status() == 200).count();
        long limited = answers.stream().filter(answer -> answer.status() == 429).count();
        figures(test, LIMITED_REQUESTS + " requests for one tenant whose rateLimitMax is " + TENANT_LIMIT + ", sent by "
                        + LIMITED_CLIENTS + " concurrent clients that alternate between replica A and replica B")
                .setting("tenant rateLimitMax", TENANT_LIMIT)
                .setting("RATE_LIMIT_REDIS_FAILURE", "closed")
                .add("requests", answers.size(), "", "GET /api/v1/me, half to each replica")
                .add("200 answers", ok, "", "served in all; the limit allows " + TENANT_LIMIT)
                .add("429 answers", limited, "", "refused with RATE_LIMITED and Retry-After")
                .add("200 answers from A", count(answers, "A", 200), "", "the share of the limit A served")
                .add("200 answers from B", count(answers, "B", 200), "", "the share of the limit B served")
                .add("429 answers from A", count(answers, "A", 429), "", "refusals by A")
                .add("429 answers from B", count(answers, "B", 429), "", "refusals by B")
                .add("store failures", storeFailures, "", "rate_limit_store_failures_total on both: checks Redis did not "
                        + "answer within 500 ms, refused 503 RATE_LIMIT_UNAVAILABLE (none on a machine that is not overloaded)")
                .write();

        assertThat(ok).as("answers 200 across both replicas, never more than the limit").isLessThanOrEqualTo(TENANT_LIMIT);
        assertThat(answers).as("every answer is a 200, a 429 RATE_LIMITED with Retry-After or a 503 RATE_LIMIT_UNAVAILABLE")
                .allSatisfy(answer -> assertThat(answer.status() == 200
                        || answer.code().equals("RATE_LIMITED") && answer.retryAfter() != null
                        || answer.code().equals("RATE_LIMIT_UNAVAILABLE")).as(answer.toString()).isTrue());
        if (storeFailures == 0) {
            assertThat(ok).as("answers 200 across both replicas").isEqualTo(TENANT_LIMIT);
            assertThat(limited).as("answers 429 across both replicas").isEqualTo(LIMITED_REQUESTS - TENANT_LIMIT);
            assertThat(count(answers, "A", 429) > 0 && count(answers, "B", 429) > 0).as("both replicas refuse").isTrue();
        }
    }

    private static double storeFailures() throws IOException, InterruptedException {
        return a.metric("rate_limit_store_failures_total") + b.metric("rate_limit_store_failures_total");
    }

    /** {@link #LIMITED_REQUESTS} GETs of /api/v1/me by {@link #LIMITED_CLIENTS} threads, each alternating A and B. */
    private static List<Answer> spreadOverBoth(String token) throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(LIMITED_CLIENTS);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int client = 0; client < LIMITED_CLIENTS; client++) {
                int first = client;
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = first; i < LIMITED_REQUESTS; i += LIMITED_CLIENTS) {
                        HostProcess replica = i % 2 == 0 ? a : b;
                        HttpResponse<String> answer = send(replica, replica.request("/api/v1/me", token).GET().build());
                        answers.add(new Answer(replica == a ? "A" : "B", answer.statusCode(), code(answer),
                                answer.headers().firstValue("Retry-After").orElse(null)));
                    }
                }, clients));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdownNow();
        }
        return List.copyOf(answers);
    }

    private static HttpResponse<String> refresh(HostProcess replica, String refreshToken) throws IOException, InterruptedException {
        return replica.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private static HttpResponse<String> send(HostProcess replica, HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String code(HttpResponse<String> answer) {
        try {
            return answer.statusCode() == 200 ? "" : JSON.readTree(answer.body()).path("code").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(List<Answer> answers, String replica, int status) {
        return answers.stream().filter(answer -> answer.replica().equals(replica) && answer.status() == status).count();
    }

    private static ReliabilityFigures figures(TestInfo test, String behaviour) {
        return ReliabilityFigures.of("scale-out", ScaleOutTest.class, test.getTestMethod().orElseThrow().getName(), behaviour)
                .setting("replicas", "2 processes of app-host-runnable.jar on one PostgreSQL and one private redis-server")
                .setting("REDIS_URL", "the same for both")
                .setting("JWT_SECRET, ENCRYPTION_KEY", "the same for both");
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private record Answer(String replica, int status, String code, String retryAfter) {
    }
}
