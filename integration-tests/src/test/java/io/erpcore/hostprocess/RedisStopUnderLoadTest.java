package io.erpcore.hostprocess;

import static io.erpcore.hostprocess.Load.millisBetween;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.api.ReliabilityFigures;
import io.erpcore.adapter.ratelimit.PrivateRedisServer;
import io.erpcore.hostprocess.Load.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis, which holds the rate limits' buckets, stopped under the packaged host while clients keep
 * reading users, then started again: {@code RATE_LIMIT_REDIS_FAILURE=open} keeps serving and shows
 * the failure, {@code closed} refuses with 503 and turns readiness 503; both count in Redis again
 * once it is back. The Redis is a private {@code redis-server} the test starts and stops.
 */
class RedisStopUnderLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS_TOKEN = "ops-token-for-process-tests-0123456789abcdef";
    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final long RATE_LIMIT_MAX = 1_000_000;

    @TempDir
    static Path databaseDirectory;

    @TempDir
    Path workingDirectory;

    private static OwnPostgres database;
    private PrivateRedisServer redis;
    private HostProcess host;

    @BeforeAll
    static void startDatabase() {
        database = OwnPostgres.on(databaseDirectory).start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (host != null) {
            host.kill();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void with_failure_open_a_redis_stop_under_load_keeps_every_answer_200_shows_redis_down_and_keeps_readiness_200(
            TestInfo test) throws Exception {
        Outage outage = stopRedisUnderLoad("open", "open");

        List<Answer> whileDown = outage.users().answers(answeredWhileDown(outage));
        Answer counted = outage.users().first(answeredAfter(outage.returned())
                .and(answer -> answer.rateLimitRemaining() != null && answer.rateLimitRemaining() < RATE_LIMIT_MAX))
                .orElse(null);
        outage.figures(test)
                .add("answers while Redis was down", whileDown.size(), "",
                        "to requests sent and answered while Redis was down; all served 200, counted nowhere")
                .add("slowest answer while Redis was down", slowest(whileDown), "ms",
                        "a check waits at most Lettuce's 500 ms command timeout; then at most a failed connect each second")
                .add("store failures counted", outage.storeFailures(), "",
                        "rate_limit_store_failures_total: limit checks Redis could not answer (several per request, "
                        + "until Lettuce reconnected), each allowed and logged")
                .add("redis DOWN in /health/detailed after the stop", outage.redisDownMillis(), "ms",
                        "from the stop to /health/detailed showing redis DOWN (HEALTH_CHECK_INTERVAL_MS 500)")
                .add("counting again after Redis returned", counted == null ? -1 : millisBetween(outage.returned(),
                        counted.answered()), "ms", "from Redis answering again to the first answer counted in it "
                        + "(RateLimit-Remaining below RATE_LIMIT_MAX); Lettuce reconnects with a backoff of up to 2 s")
                .write();

        assertThat(outage.users().answers()).as("every answer, before, during and after the outage")
                .isNotEmpty().allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(whileDown).as("answers while Redis was down").isNotEmpty();
        assertThat(outage.readiness().answers()).as("readiness throughout")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(outage.redisDownMillis()).as("/health/detailed showed redis DOWN").isPositive();
        assertThat(outage.storeFailures()).as("rate_limit_store_failures_total").isPositive();
        assertThat(counted).as("an answer counted in Redis after it returned").isNotNull();
    }

    @Test
    void with_failure_closed_a_redis_stop_under_load_refuses_503_rate_limit_unavailable_and_turns_readiness_503_until_it_returns(
            TestInfo test) throws Exception {
        Outage outage = stopRedisUnderLoad("closed", "closed");

        List<Answer> whileDown = outage.users().answers(answeredWhileDown(outage));
        Answer firstOk = outage.users().first(ok().and(answeredAfter(outage.returned()))).orElseThrow();
        Answer firstReady = outage.readiness().first(ok().and(answeredAfter(outage.returned()))).orElseThrow();
        Optional<Answer> firstUnready = outage.readiness().first(answer -> answer.status() == 503
                && answer.answered() > outage.stopped());
        outage.figures(test)
                .add("answers while Redis was down", whileDown.size(), "", "to requests sent and answered while Redis was down")
                .add("503 RATE_LIMIT_UNAVAILABLE", whileDown.stream().filter(answer -> answer.status() == 503).count(), "",
                        "of those, refused with 503 RATE_LIMIT_UNAVAILABLE and Retry-After")
                .add("503 latency p99", ReliabilityFigures.quantile(whileDown.stream().map(Answer::millis).toList(), 0.99), "ms",
                        "a check waits at most Lettuce's 500 ms command timeout; then at most a failed connect each second")
                .add("readiness 503 after the stop", firstUnready.map(answer -> millisBetween(outage.stopped(),
                        answer.answered())).orElse(-1.0), "ms", "from the stop to the first readiness 503")
                .add("recovery to the first 200", millisBetween(outage.returned(), firstOk.answered()), "ms",
                        "from Redis answering again to the first 200; Lettuce reconnects with a backoff of up to 2 s")
                .add("recovery to readiness 200", millisBetween(outage.returned(), firstReady.answered()), "ms",
                        "from Redis answering again to the first readiness 200")
                .write();

        assertThat(outage.users().answers(answer -> answer.failure() != null)).as("every request is answered").isEmpty();
        assertThat(whileDown).as("answers sent and received while Redis was down").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.status() == 503 && "RATE_LIMIT_UNAVAILABLE".equals(answer.code())
                        && answer.retryAfter() != null).as(answer.toString()).isTrue());
        assertThat(firstUnready).as("readiness turned 503 while Redis was down").isPresent();
        assertThat(outage.readiness().answers(answer -> answer.answered() > firstReady.answered()))
                .as("readiness once recovered").allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    }

    /**
     * Starts a host with REDIS_URL on a private Redis and {@code RATE_LIMIT_REDIS_FAILURE=mode}, loads it,
     * stops Redis for {@link #OUTAGE}, starts it again (empty, on the same port) and waits for a 200
     * counted after its return and for readiness 200.
     */
    private Outage stopRedisUnderLoad(String mode, String slug) throws Exception {
        redis = PrivateRedisServer.start();
        Map<String, String> settings = Map.of(
                "REDIS_URL", redis.url().toString(),
                "RATE_LIMIT_REDIS_FAILURE", mode,
                "RATE_LIMIT_MAX", String.valueOf(RATE_LIMIT_MAX),
                "HEALTH_CHECK_INTERVAL_MS", "500",
                "HEALTH_CHECK_TIMEOUT_MS", "500",
                "OPS_TOKEN", OPS_TOKEN);
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, settings), "--port", "0",
                "--skip-health").awaitListening().awaitReady(Duration.ofSeconds(30));
        String token = host.newTenantOwnerToken(slug);
        double failuresBefore = host.metric("rate_limit_store_failures_total");
        Load users = Load.start(host.request("/api/v1/users?limit=20", token).timeout(Duration.ofSeconds(10)).build(),
                CLIENTS, Duration.ZERO);
        Load readiness = Load.start(host.request("/health/ready").timeout(Duration.ofSeconds(5)).build(), 1,
                Duration.ofMillis(20));
        Thread.sleep(1000);

        redis.stop();
        long stopped = System.nanoTime();
        double redisDown = awaitRedisStatus("DOWN", stopped, Duration.ofSeconds(10));
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (long) redisDown));
        long restarting = System.nanoTime();
        redis.restart();
        long returned = System.nanoTime();
        awaitAnswer(users, ok().and(answeredAfter(returned)).and(answer -> answer.rateLimitRemaining() != null
                && answer.rateLimitRemaining() < RATE_LIMIT_MAX), Duration.ofSeconds(15));
        awaitAnswer(readiness, ok().and(answeredAfter(returned)), Duration.ofSeconds(15));
        Thread.sleep(500);
        users.stop();
        readiness.stop();
        double storeFailures = host.metric("rate_limit_store_failures_total") - failuresBefore;
        assertThat(host.isAlive()).isTrue();
        return new Outage(settings, users, readiness, stopped, restarting, returned, redisDown, storeFailures);
    }

    /** Polls /health/detailed until its redis component has {@code status}; milliseconds since {@code since}. */
    private double awaitRedisStatus(String status, long since, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String seen = JSON.readTree(host.get("/health/detailed", OPS_TOKEN).body()).path("components").path("redis")
                    .path("status").asText();
            if (status.equals(seen)) {
                return millisBetween(since, System.nanoTime());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("/health/detailed did not show redis " + status + " within " + timeout);
    }

    private static void awaitAnswer(Load load, Predicate<Answer> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (load.first(wanted).isEmpty()) {
            if (System.nanoTime() > deadline) {
                List<Answer> answers = load.answers();
                throw new AssertionError("no such answer within " + timeout + "; the last ones: "
                        + answers.subList(Math.max(0, answers.size() - 5), answers.size()));
            }
            Thread.sleep(20);
        }
    }

    /** Answers to requests sent after Redis stopped and answered before it was started again. */
    private static Predicate<Answer> answeredWhileDown(Outage outage) {
        return answer -> answer.sent() > outage.stopped() && answer.answered() < outage.restarting();
    }

    private static Predicate<Answer> ok() {
        return answer -> answer.status() == 200;
    }

    private static Predicate<Answer> answeredAfter(long nanos) {
        return answer -> answer.answered() > nanos;
    }

    private static double slowest(List<Answer> answers) {
        return answers.stream().mapToDouble(Answer::millis).max().orElse(0);
    }

    /** What one outage left: the answers, when Redis stopped and returned (System.nanoTime), and what the host showed. */
    private record Outage(Map<String, String> settings, Load users, Load readiness, long stopped, long restarting,
            long returned, double redisDownMillis, double storeFailures) {

        ReliabilityFigures figures(TestInfo test) {
            return ReliabilityFigures.of("faults", RedisStopUnderLoadTest.class, test.getTestMethod().orElseThrow().getName(),
                            "Redis stopped for " + OUTAGE.toSeconds() + " s under " + CLIENTS + " clients reading "
                            + "GET /api/v1/users?limit=20, then started again empty on the same port")
                    .settings(settings).setting("REDIS_URL", "a private redis-server").setting("clients", CLIENTS)
                    .add("Redis down", millisBetween(stopped, returned), "ms", "from the stop to Redis answering PING again")
                    .add("requests", users.answers().size(), "", "answers the clients received in the whole run");
        }
    }
}
