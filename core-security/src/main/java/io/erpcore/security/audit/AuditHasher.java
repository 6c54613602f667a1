package io.erpcore.security.audit;

/**
 * Computes the hash that seals one link of a tenant's audit chain. It runs inside the appending
 * transaction, under the tenant's chain lock, so it must be fast and must not block; and it must
 * be deterministic, since verification recomputes it from the stored rows.
 * {@link AuditHashes#sha256()} is the default.
 */
@FunctionalInterface
public interface AuditHasher {

    /** The hash of {@code draft}, which already holds the previous link's hash. */
    String hash(AuditDraft draft);
}
