package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An event to record in a tenant's audit trail: who ({@code actorId}) did what ({@code action}) to
 * which resource, with the state before and after where the event changed something, and the
 * correlation id of the request it happened in. The time is the trail's to set when it appends.
 *
 * @param actorId the user, or the user behind the API key, who acted; absent for the platform
 *     operator, the system, or an anonymous caller such as a failed login
 * @param resource what the action was done to, as a path such as {@code users/3f2b...}
 */
public record AuditEvent(TenantId tenantId, AuditAction action, Optional<UUID> actorId, String resource,
        Optional<AuditSnapshot> before, Optional<AuditSnapshot> after, Optional<String> correlationId) {

    /** The longest resource accepted. */
    public static final int MAX_RESOURCE_LENGTH = 300;
    /** The longest correlation id kept; the HTTP chain accepts none longer. */
    public static final int MAX_CORRELATION_ID_LENGTH = 128;

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

    /** Refuses missing fields, a blank or over-long resource and an unprintable correlation id. */
    public AuditEvent {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(resource, "resource");
        if (resource.isBlank() || resource.length() > MAX_RESOURCE_LENGTH) {
            throw new IllegalArgumentException("audit resource must be 1 to " + MAX_RESOURCE_LENGTH
                    + " characters and not blank but was " + resource.length() + " characters long");
        }
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(correlationId, "correlationId").ifPresent(AuditEvent::requireCorrelationId);
    }

    /** An event without before and after states. */
    public static AuditEvent of(TenantId tenant, AuditAction action, Optional<UUID> actorId, String resource,
            Optional<String> correlationId) {
        return new AuditEvent(tenant, action, actorId, resource, Optional.empty(), Optional.empty(), correlationId);
    }

    /** This event with {@code snapshot} as the state before it. */
    public AuditEvent withBefore(AuditSnapshot snapshot) {
        return new AuditEvent(tenantId, action, actorId, resource, Optional.of(snapshot), after, correlationId);
    }

    /** This event with {@code snapshot} as the state after it. */
    public AuditEvent withAfter(AuditSnapshot snapshot) {
        return new AuditEvent(tenantId, action, actorId, resource, before, Optional.of(snapshot), correlationId);
    }

    private static void requireCorrelationId(String id) {
        if (id.length() > MAX_CORRELATION_ID_LENGTH || !PRINTABLE.matcher(id).matches()) {
            throw new IllegalArgumentException("a correlation id must be 1 to " + MAX_CORRELATION_ID_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }
}
