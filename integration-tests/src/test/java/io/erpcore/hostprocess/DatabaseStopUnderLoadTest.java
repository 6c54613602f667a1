package io.erpcore.hostprocess;

import static io.erpcore.hostprocess.Load.millisBetween;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.api.ReliabilityFigures;
import io.erpcore.hostprocess.Load.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped for 10 s under the packaged host while clients keep reading users: the host
 * answers fast 503 problems instead of hanging, holds no connection afterwards, and serves again
 * within 5 s of the database's return without a restart (DESIGN sections 6 and 7).
 */
class DatabaseStopUnderLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS_TOKEN = "ops-token-for-process-tests-0123456789abcdef";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    private static final int CLIENTS = 4;
    private static final long ACQUIRE_TIMEOUT_MS = 1500;
    private static final Map<String, String> SETTINGS = Map.of(
            "DATABASE_ACQUIRE_TIMEOUT", String.valueOf(ACQUIRE_TIMEOUT_MS),
            "HEALTH_CHECK_INTERVAL_MS", "500",
            "HEALTH_CHECK_TIMEOUT_MS", "500",
            "OPS_TOKEN", OPS_TOKEN);
    // A 503 waits for the pool once, DATABASE_ACQUIRE_TIMEOUT; the bound allows as much again for the
    // chain and a busy machine, and is what any second wait (a retry, a queue behind another
    // request's failing load) would cost at the least.
    private static final long FAST_503_BOUND_MS = 2 * ACQUIRE_TIMEOUT_MS;
    // An answer may wait for the pool twice (the user's status, then the query) and be served then.
    private static final long ANSWER_BOUND_MS = 3 * ACQUIRE_TIMEOUT_MS + 1000;

    @TempDir
    Path workingDirectory;

    @TempDir
    Path databaseDirectory;

    private OwnPostgres database;
    private HostProcess host;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (host != null) {
            host.kill();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_database_stopped_for_10_s_under_load_gets_fast_503s_no_hung_request_no_leaked_connection_and_recovery_within_5_s(
            TestInfo test) throws Exception {
        database = OwnPostgres.on(databaseDirectory).start();
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, SETTINGS), "--port", "0",
                "--skip-health").awaitListening().awaitReady(Duration.ofSeconds(30));
        String token = host.newTenantOwnerToken("outage");
        Load users = Load.start(host.request("/api/v1/users?limit=20", token).timeout(Duration.ofSeconds(30)).build(),
                CLIENTS, Duration.ZERO);
        Load readiness = Load.start(host.request("/health/ready").timeout(Duration.ofSeconds(5)).build(), 1,
                Duration.ofMillis(20));
        Thread.sleep(1500);

        database.stop();
        long stopped = System.nanoTime();
        Thread.sleep(OUTAGE.toMillis());
        long restarting = System.nanoTime();
        CompletableFuture<Long> accepting = CompletableFuture.supplyAsync(this::awaitSessions);
        database.start();
        long probed = accepting.get(30, TimeUnit.SECONDS);
        awaitAnswer(users, ok().and(answeredAfter(restarting)), Duration.ofSeconds(20));
        awaitAnswer(readiness, ok().and(answeredAfter(restarting)), Duration.ofSeconds(20));
        // The database is back at the first sign of it: the probe's session, or an answer the host
        // could only give with it (its pool may notice before the probe does, on a busy machine).
        long returned = Math.min(probed, Math.min(users.first(ok().and(answeredAfter(restarting))).orElseThrow().answered(),
                readiness.first(ok().and(answeredAfter(restarting))).orElseThrow().answered()));
        Thread.sleep(1000);
        users.stop();
        readiness.stop();
        double activeAfter = awaitNoActiveConnections(Duration.ofSeconds(5));
        JsonNode pool = JSON.readTree(host.get("/health/detailed", OPS_TOKEN).body()).path("components").path("database");
        HostProcess.Memory memory = host.memory();

        List<Answer> answers = users.answers();
        List<Answer> refused = users.answers(answer -> answer.status() == 503);
        List<Double> refusedMillis = refused.stream().map(Answer::millis).toList();
        List<Answer> whileDown = users.answers(answer -> answer.sent() > stopped && answer.answered() < restarting);
        Answer firstOk = users.first(ok().and(answeredAfter(restarting))).orElseThrow();
        Answer firstReady = readiness.first(ok().and(answeredAfter(restarting))).orElseThrow();
        Answer firstUnready = readiness.first(answer -> answer.status() == 503 && answer.answered() > stopped).orElseThrow();
        double slowest = answers.stream().mapToDouble(Answer::millis).max().orElse(0);
        ReliabilityFigures.of("faults", getClass(), test.getTestMethod().orElseThrow().getName(),
                        "PostgreSQL stopped for 10 s while " + CLIENTS + " clients read GET /api/v1/users?limit=20 back to back")
                .settings(SETTINGS).setting("clients", CLIENTS)
                .add("database down", millisBetween(stopped, returned), "ms",
                        "from the server's stop to its accepting a session again (a probe's session, or the host's first answer from it)")
                .add("requests", answers.size(), "", "answers the clients received in the whole run")
                .add("503 answers", refused.size(), "", "503 DATABASE_UNAVAILABLE problems, each with Retry-After")
                .add("503 latency p50", ReliabilityFigures.quantile(refusedMillis, 0.50), "ms", "median time to a 503")
                .add("503 latency p99", ReliabilityFigures.quantile(refusedMillis, 0.99), "ms",
                        "99th percentile time to a 503; bound " + FAST_503_BOUND_MS + " ms, twice DATABASE_ACQUIRE_TIMEOUT")
                .add("slowest answer", slowest, "ms", "the longest any request waited, 200 or 503; bound " + ANSWER_BOUND_MS + " ms")
                .add("readiness 503 after the stop", millisBetween(stopped, firstUnready.answered()), "ms",
                        "from the stop to the first readiness 503 (HEALTH_CHECK_INTERVAL_MS 500)")
                .add("recovery to the first 200", millisBetween(returned, firstOk.answered()), "ms",
                        "from the database accepting sessions again to the first 200 of GET /api/v1/users; bound 5000 ms")
                .add("recovery to readiness 200", millisBetween(returned, firstReady.answered()), "ms",
                        "from the database accepting sessions again to the first 200 of /health/ready; bound 5000 ms")
                .add("active connections after recovery", activeAfter, "",
                        "hikaricp_connections_active once the clients stopped; 0 means no connection leaked")
                .add("pooled connections after recovery", pool.path("total").asDouble(), "",
                        "connections the pool holds afterwards, per /health/detailed (DATABASE_MAX_CONNECTIONS 20)")
                .add("peak resident memory", memory.peakResidentKb() / 1024.0, "MB", "VmHWM of the host process over the run")
                .write();

        assertThat(users.answers(answer -> answer.failure() != null)).as("every request is answered").isEmpty();
        assertThat(whileDown).as("answers to requests sent while the database was down").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.code()).as(answer.toString()).isEqualTo("DATABASE_UNAVAILABLE"));
        assertThat(answers).as("every answer is a 200 or a 503 DATABASE_UNAVAILABLE problem with Retry-After")
                .allSatisfy(answer -> assertThat(answer.status() == 200
                        || answer.status() == 503 && "DATABASE_UNAVAILABLE".equals(answer.code()) && answer.retryAfter() != null)
                        .as(answer.toString()).isTrue());
        assertThat(ReliabilityFigures.quantile(refusedMillis, 0.99)).as("p99 of the 503s, ms").isLessThan(FAST_503_BOUND_MS);
        assertThat(slowest).as("the slowest answer, ms").isLessThan(ANSWER_BOUND_MS);
        assertThat(millisBetween(returned, firstOk.answered())).as("recovery to the first 200, ms").isLessThan(RECOVERY.toMillis());
        assertThat(millisBetween(returned, firstReady.answered())).as("recovery to readiness 200, ms")
                .isLessThan(RECOVERY.toMillis());
        assertThat(activeAfter).as("active connections once the load stopped").isZero();
        assertThat(host.isAlive()).isTrue();
    }

    /** Polls until the database lets a session in; when it first did (System.nanoTime). */
    private long awaitSessions() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (database.acceptsSessions()) {
                return System.nanoTime();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the database did not accept a session within 30 s of its start");
    }

    private double awaitNoActiveConnections(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        double active = host.metric("hikaricp_connections_active", "pool=\"erp-runtime\"");
        while (active != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            active = host.metric("hikaricp_connections_active", "pool=\"erp-runtime\"");
        }
        return active;
    }

    private static void awaitAnswer(Load load, Predicate<Answer> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (load.first(wanted).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such answer within " + timeout + "; the last ones: "
                        + load.answers().stream().skip(Math.max(0, load.answers().size() - 5)).toList());
            }
            Thread.sleep(20);
        }
    }

    private static Predicate<Answer> ok() {
        return answer -> answer.status() == 200;
    }

    private static Predicate<Answer> answeredAfter(long nanos) {
        return answer -> answer.answered() > nanos;
    }
}
