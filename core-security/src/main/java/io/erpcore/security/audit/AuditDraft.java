package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit event as it is stored, but for its own hash: what an {@link AuditHasher} hashes.
 * {@code before} and {@code after} are JSON in the exact text form the trail reads back, and
 * {@code at} has the trail's precision, so the hash can be recomputed from a stored row.
 * {@code action} is plain text here: a stored row is a fact to check, whatever it holds.
 */
public record AuditDraft(TenantId tenantId, long seq, UUID id, Instant at, String action, Optional<UUID> actorId,
        String resource, Optional<String> correlationId, Optional<String> before, Optional<String> after,
        String prevHash) {

    /** Refuses missing fields. */
    public AuditDraft {
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
    }

    /** The stored event: this draft sealed with {@code hash}. */
    public AuditRecord sealedWith(String hash) {
        return new AuditRecord(tenantId, seq, id, at, action, actorId, resource, correlationId, before, after,
                prevHash, hash);
    }
}
