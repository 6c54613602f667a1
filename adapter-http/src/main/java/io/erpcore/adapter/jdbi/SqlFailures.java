package io.erpcore.adapter.jdbi;

import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Recognizes the PostgreSQL errors the repositories turn into exceptions of their own. Those
 * exceptions carry no cause on purpose: JDBI's message quotes every bound value and the server's
 * detail quotes the conflicting key, so the cause would carry e-mails and hashes into the logs.
 */
final class SqlFailures {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String INVALID_TEXT_REPRESENTATION = "22P02";

    private SqlFailures() {
    }

    /** Whether {@code failure} was caused by error {@code sqlState} on constraint (or unique index) {@code name}. */
    static boolean violates(Throwable failure, String sqlState, String name) {
        return serverError(failure, sqlState).map(ServerErrorMessage::getConstraint).filter(name::equals).isPresent();
    }

    /** Whether {@code failure} was caused by error {@code sqlState}, on whatever object. */
    static boolean hasState(Throwable failure, String sqlState) {
        return psql(failure).filter(error -> sqlState.equals(error.getSQLState())).isPresent();
    }

    private static Optional<ServerErrorMessage> serverError(Throwable failure, String sqlState) {
        return psql(failure).filter(error -> sqlState.equals(error.getSQLState()))
                .map(PSQLException::getServerErrorMessage);
    }

    private static Optional<PSQLException> psql(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException error) {
                return Optional.of(error);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
