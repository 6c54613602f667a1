package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code audit_events}: one link of a tenant's hash chain. {@code before} and
 * {@code after} are JSON in PostgreSQL's {@code jsonb} text form.
 */
public record AuditEventRow(TenantId tenantId, long seq, UUID id, String action, Optional<UUID> actorId,
        String resource, Optional<String> before, Optional<String> after, Instant at, String prevHash, String hash) {

    /** Refuses missing fields. */
    public AuditEventRow {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The fields the hash covers, as the hasher saw them when the event was appended. */
    public AuditDraft draft() {
        return new AuditDraft(tenantId, seq, id, at, action, actorId, resource, before, after, prevHash);
    }

    /** This event as the head of its chain. */
    public AuditHead asHead() {
        return new AuditHead(seq, hash);
    }
}
