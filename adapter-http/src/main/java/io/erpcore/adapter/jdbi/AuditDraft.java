package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit event as it will be stored, but for its own hash: what an {@link AuditHasher} hashes.
 * {@code before} and {@code after} are in PostgreSQL's own {@code jsonb} text form (the one
 * {@code before::text} reads back), {@code at} has PostgreSQL's microsecond precision, so the
 * hash can be recomputed from the stored row.
 */
public record AuditDraft(TenantId tenantId, long seq, UUID id, Instant at, String action, Optional<UUID> actorId,
        String resource, Optional<String> before, Optional<String> after, String prevHash) {

    /** Refuses missing fields. */
    public AuditDraft {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(prevHash, "prevHash");
    }

    /** The stored row, with {@code hash}. */
    AuditEventRow withHash(String hash) {
        return new AuditEventRow(tenantId, seq, id, action, actorId, resource, before, after, at, prevHash, hash);
    }
}
