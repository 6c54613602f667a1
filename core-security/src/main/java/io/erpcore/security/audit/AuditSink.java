package io.erpcore.security.audit;

/**
 * Where audit events go: the write side of a tenant's audit trail.
 *
 * <p>Contract: {@link #record} returns only once the event is durably appended to its tenant's
 * trail, in a transaction of its own, and it blocks while it does so; a failure to append throws
 * (unchecked) and appends nothing. The caller decides whether a failed record fails its own work:
 * a change to data should record its event in the same transaction instead (the JDBI
 * repositories do), while a refused request is still refused when its event cannot be written.
 * Implementations are thread-safe and never log or store secrets.
 */
public interface AuditSink {

    /**
     * Appends {@code event} to the trail of its tenant.
     *
     * @throws RuntimeException when the event could not be appended; nothing was appended then
     */
    void record(AuditEvent event);

    /**
     * A sink that keeps nothing, for an embedding service that has no audit table; ERP Core's own
     * host always records into PostgreSQL.
     */
    static AuditSink discarding() {
        return event -> { };
    }
}
