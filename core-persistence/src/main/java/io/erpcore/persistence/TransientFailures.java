package io.erpcore.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Which database failures may pass on their own, by SQLSTATE: connection exceptions (class
 * {@code 08}), serialization failure {@code 40001}, deadlock {@code 40P01}, and the server
 * shutting down or starting ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown,
 * {@code 57P03} cannot connect now).
 */
public final class TransientFailures {

    private static final String CONNECTION_EXCEPTION = "08000";
    private static final Set<String> STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private TransientFailures() {
    }

    /**
     * The SQLSTATE of the first transient {@link SQLException} in the cause chain of {@code failure}.
     * A pool that timed out lending a connection ({@link #isPoolTimeout}) is transient whatever state
     * it carries: HikariCP copies the state of its last failed connection attempt, and has none
     * (null) when the pool is merely exhausted or its attempt is still under way; such a timeout is
     * {@code 08000}.
     */
    public static Optional<String> transientState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTransient(sql.getSQLState())) {
                return Optional.of(sql.getSQLState());
            }
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of(CONNECTION_EXCEPTION);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code failure} is a pool that could not lend a connection within its timeout
     * ({@link SQLTransientConnectionException}, as HikariCP reports it; the PostgreSQL driver never
     * throws it). Such a failure is transient, but its wait was the caller's whole
     * {@code DATABASE_ACQUIRE_TIMEOUT}: asking the pool again would multiply that wait.
     */
    public static boolean isPoolTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether {@code sqlState} names a failure that may pass. */
    public static boolean isTransient(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || STATES.contains(sqlState));
    }
}
