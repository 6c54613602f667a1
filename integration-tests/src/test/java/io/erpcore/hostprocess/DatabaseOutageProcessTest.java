package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged host against a PostgreSQL server the test starts and stops itself: a database
 * that is down at start-up, one that comes up while the host waits, and one that restarts under
 * a running host (DESIGN section 6: liveness never checks the database, readiness does).
 */
class DatabaseOutageProcessTest {

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
    void a_database_down_at_start_is_retried_with_backoff_then_the_host_exits_69_naming_it() throws Exception {
        database = OwnPostgres.on(databaseDirectory);
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, Map.of(
                "DATABASE_STARTUP_TIMEOUT", "3000")));

        int exitCode = host.awaitExit(Duration.ofSeconds(30));

        assertThat(exitCode).isEqualTo(69);
        String stdout = host.stdout();
        assertThat(Pattern.compile("The database is not reachable yet; retrying in").matcher(stdout).results().count())
                .as("retries before giving up").isGreaterThanOrEqualTo(3);
        assertThat(stdout).containsPattern("Start-up failed in the database phase after \\d+ ms: Cannot reach the database at "
                        + "postgresql://erp_owner@127.0.0.1:" + database.port() + "/erp after \\d+ attempts")
                .contains("start-up waits DATABASE_STARTUP_TIMEOUT (3000 ms) for it")
                .doesNotContain("ERP Core is listening");
    }

    @Test
    void a_database_that_comes_up_while_the_host_waits_is_used() throws Exception {
        database = OwnPostgres.on(databaseDirectory).start();
        database.stop();
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, Map.of(
                "DATABASE_STARTUP_TIMEOUT", "60000")), "--port", "0");
        host.awaitLogged(Pattern.compile("The database is not reachable yet"), Duration.ofSeconds(30));

        database.start();
        host.awaitListening();

        assertThat(host.stdout()).containsPattern("The database answers after \\d+ attempts");
        assertThat(host.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void a_database_restart_turns_readiness_503_while_liveness_stays_200_then_both_recover_without_a_restart()
            throws Exception {
        database = OwnPostgres.on(databaseDirectory).start();
        host = HostProcess.launch(workingDirectory, HostProcess.production(database, Map.of(
                "HEALTH_CHECK_INTERVAL_MS", "500",
                "HEALTH_CHECK_TIMEOUT_MS", "400")), "--port", "0", "--skip-health").awaitListening();
        // --skip-health: on a busy machine the first round may miss its timeout; readiness follows the schedule.
        pollUntilReady(200, Duration.ofSeconds(15));
        String token = host.newTenantOwnerToken("restart");

        database.stop();
        assertThat(pollUntilReady(503, Duration.ofSeconds(10))).as("liveness answers while the database is down")
                .containsOnly(200);
        database.start();
        assertThat(pollUntilReady(200, Duration.ofSeconds(15))).containsOnly(200);

        assertThat(eventually200("/api/v1/me", token, Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
        assertThat(host.isAlive()).isTrue();
        assertThat(host.stdout()).doesNotContain("ERP Core stopped");
    }

    /** Polls readiness every 100 ms until it answers {@code status}; returns the liveness answers seen meanwhile. */
    private List<Integer> pollUntilReady(int status, Duration timeout) throws Exception {
        List<Integer> liveness = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            liveness.add(host.get("/health/live").statusCode());
            if (host.get("/health/ready").statusCode() == status) {
                return liveness;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not answer " + status + " within " + timeout);
    }

    private HttpResponse<String> eventually200(String path, String token, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> answer = host.get(path, token);
        while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            answer = host.get(path, token);
        }
        return answer;
    }
}
