package io.erpcore.adapter.jdbi;

/**
 * Computes the hash of the next link of a tenant's audit chain from the current head and the
 * event about to be stored. It runs inside the appending transaction, under the tenant's chain
 * lock: it must be fast, must not block, and must be deterministic, since {@code verify}
 * recomputes it from the stored rows. {@link AuditHashes#sha256()} is the default.
 */
@FunctionalInterface
public interface AuditHasher {

    /** The hash of {@code draft}, which follows {@code previous} ({@code draft.prevHash()} is its hash). */
    String hash(AuditHead previous, AuditDraft draft);
}
