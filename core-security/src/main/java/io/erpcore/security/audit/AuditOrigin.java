package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who makes a change and in which request: what a repository needs to record the change's audit
 * event in the same transaction as the change.
 *
 * @param actorId the acting user; absent for the platform operator or the system
 * @param correlationId the request's correlation id; absent outside a request
 */
public record AuditOrigin(Optional<UUID> actorId, Optional<String> correlationId) {

    /** Refuses missing fields. */
    public AuditOrigin {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** User {@code actorId} acting in request {@code correlationId}. */
    public static AuditOrigin of(UUID actorId, String correlationId) {
        return new AuditOrigin(Optional.of(actorId), Optional.of(correlationId));
    }

    /** The platform operator or the system, outside any request: a migration, a job, a test. */
    public static AuditOrigin system() {
        return new AuditOrigin(Optional.empty(), Optional.empty());
    }

    /** The event of {@code action} on {@code resource} in {@code tenant}'s trail, from this origin. */
    public AuditEvent event(TenantId tenant, AuditAction action, String resource) {
        return new AuditEvent(tenant, action, actorId, resource, Optional.empty(), Optional.empty(), correlationId);
    }
}
