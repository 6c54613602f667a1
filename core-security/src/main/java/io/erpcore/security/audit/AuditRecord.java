package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored audit event: one link of a tenant's hash chain. {@code before} and {@code after} are
 * JSON texts.
 *
 * @param seq the event's place in its tenant's chain, from 1 without gaps
 * @param prevHash the hash of the event before, or {@link AuditHead#GENESIS}'s for the first
 * @param hash the hash over this event's canonical form ({@link AuditHashes})
 */
public record AuditRecord(TenantId tenantId, long seq, UUID id, Instant at, String action, Optional<UUID> actorId,
        String resource, Optional<String> correlationId, Optional<String> before, Optional<String> after,
        String prevHash, String hash) {

    /** Refuses missing fields. */
    public AuditRecord {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The fields the hash covers. */
    public AuditDraft draft() {
        return new AuditDraft(tenantId, seq, id, at, action, actorId, resource, correlationId, before, after,
                prevHash);
    }

    /** This event as the head of its chain. */
    public AuditHead asHead() {
        return new AuditHead(seq, hash);
    }
}
