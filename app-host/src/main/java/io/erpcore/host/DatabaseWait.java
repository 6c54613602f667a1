package io.erpcore.host;

import io.erpcore.adapter.jdbi.JdbcConnections;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.persistence.TransientFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Start-up's wait for the database: connect, and while the failure is one that passes on its own
 * (the server is down, starting, or full), retry with exponential backoff until
 * {@code DATABASE_STARTUP_TIMEOUT}. A failure that waiting cannot fix (a wrong password, a database
 * that does not exist) ends the wait at once. In a compose file or a cluster the application often
 * starts before its database; this is what lets it.
 */
final class DatabaseWait {

    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(5);
    private static final Duration LONGEST_ATTEMPT = Duration.ofSeconds(5);
    // Too many connections: the server is up but full, which passes as others disconnect.
    private static final String TOO_MANY_CONNECTIONS = "53300";

    private DatabaseWait() {
    }

    /** Returns once {@code url} accepts a connection; throws {@link HostStartupException} (exit 69) when it will not. */
    static void until(DatabaseUrl url, Duration timeout, StructuredLogger log) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Duration delay = FIRST_DELAY;
        for (int attempt = 1;; attempt++) {
            long remaining = deadline - System.nanoTime();
            Duration attemptTimeout = min(LONGEST_ATTEMPT, Duration.ofNanos(Math.max(remaining, 0)));
            try (Connection connection = JdbcConnections.open(url, attemptTimeout)) {
                if (attempt > 1) {
                    log.info("The database answers after " + attempt + " attempts",
                            Map.of("attempts", attempt, "waitedMs", millisSince(started)));
                }
                return;
            } catch (SQLException e) {
                if (!passesOnItsOwn(e)) {
                    throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE,
                            "The database at " + url + " refuses the connection: " + e.getMessage(), hintFor(e), e);
                }
                remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot reach the database at " + url
                            + " after " + attempt + " attempts in " + millisSince(started) + " ms: " + e.getMessage(),
                            "check that the server is up and accepts connections from this host; start-up waits "
                                    + "DATABASE_STARTUP_TIMEOUT (" + timeout.toMillis() + " ms) for it", e);
                }
                Duration pause = min(delay, Duration.ofNanos(remaining));
                log.warn("The database is not reachable yet; retrying in " + pause.toMillis() + " ms: " + e.getMessage(),
                        Map.of("attempt", attempt, "sqlState", String.valueOf(e.getSQLState()),
                                "retryInMs", pause.toMillis()));
                sleep(pause);
                delay = min(delay.multipliedBy(2), LONGEST_DELAY);
            }
        }
    }

    /** Whether waiting may fix {@code failure}: a connection that failed, a server starting or stopping, or full. */
    static boolean passesOnItsOwn(SQLException failure) {
        String state = failure.getSQLState();
        return TransientFailures.isTransient(state) || TOO_MANY_CONNECTIONS.equals(state);
    }

    private static String hintFor(SQLException failure) {
        String state = String.valueOf(failure.getSQLState());
        if (state.startsWith("28")) {
            return "the role or its password is wrong: check the credentials in DATABASE_URL and DATABASE_MIGRATION_URL";
        }
        if (state.equals("3D000")) {
            return "the database named in the URL does not exist: create it, or fix the URL's path";
        }
        return "erp-core db-check reports what the server answers";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Interrupted while waiting for the database", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
