package io.erpcore.persistence;

/**
 * How scoped work runs; build it with {@link #transaction()} or {@link #singleStatement()}, then
 * {@link #idempotent()} if the work may run twice.
 *
 * @param oneStatement the work runs exactly one statement, which then needs no explicit
 *     transaction: the scope travels with the statement and the whole exchange is one round trip;
 *     a second statement in such work is refused
 * @param retried the work runs again after a transient failure (connection loss, serialization
 *     failure, deadlock, server shutdown); work that is not retried surfaces such a failure as
 *     {@link TransientDatabaseException}
 */
public record Execution(boolean oneStatement, boolean retried) {

    /** Any number of statements in one transaction, not retried. */
    public static Execution transaction() {
        return new Execution(false, false);
    }

    /** One statement in its own implicit transaction: one round trip; not retried. */
    public static Execution singleStatement() {
        return new Execution(true, false);
    }

    /** The same execution, for work that may run again: retried after transient failures. */
    public Execution idempotent() {
        return new Execution(oneStatement, true);
    }
}
