package io.erpcore.persistence;

/**
 * The database failed in a way that may pass (connection loss, serialization failure, deadlock,
 * shutdown) and the work was not retried: it is not idempotent, or its attempts ran out.
 */
public final class TransientDatabaseException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int attempts;

    public TransientDatabaseException(String sqlState, int attempts, Throwable cause) {
        super("Transient database failure (SQLSTATE " + sqlState + ") after " + attempts
                + (attempts == 1 ? " attempt" : " attempts"), cause);
        this.sqlState = sqlState;
        this.attempts = attempts;
    }

    /** The SQLSTATE of the failure, such as {@code 40001} or {@code 08006}. */
    public String sqlState() {
        return sqlState;
    }

    public int attempts() {
        return attempts;
    }
}
