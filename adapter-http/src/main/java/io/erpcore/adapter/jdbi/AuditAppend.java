package io.erpcore.adapter.jdbi;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit event to append, as its author states it. {@code before} and {@code after} are JSON
 * texts (PostgreSQL stores them as {@code jsonb}) and never hold secrets or decrypted personal data.
 *
 * @param action what happened, such as {@code user.created}
 * @param actorId the user who did it; absent for the platform or the system
 * @param resource what it happened to, such as {@code users/3f2b...}
 */
public record AuditAppend(String action, Optional<UUID> actorId, String resource, Optional<String> beforeJson,
        Optional<String> afterJson) {

    /** Refuses a blank action or resource and missing fields. */
    public AuditAppend {
        requireText(action, "action");
        requireText(resource, "resource");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(beforeJson, "beforeJson");
        Objects.requireNonNull(afterJson, "afterJson");
    }

    /** An event without before and after values. */
    public static AuditAppend of(String action, Optional<UUID> actorId, String resource) {
        return new AuditAppend(action, actorId, resource, Optional.empty(), Optional.empty());
    }

    private static void requireText(String value, String field) {
        if (Objects.requireNonNull(value, field).isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must not be blank");
        }
    }
}
