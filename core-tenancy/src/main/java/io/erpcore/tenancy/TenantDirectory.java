package io.erpcore.tenancy;

import java.util.Optional;

/**
 * Where tenants are looked up, by id (from verified credentials) and by slug (at login).
 *
 * <p>Contract, which {@code TenantDirectoryContract} checks for every implementation:
 * <ul>
 *   <li>Blocking: a lookup may block on I/O (a database query); call it on a thread that may block,
 *       never on an event loop.
 *   <li>Threading: implementations are safe for concurrent use.
 *   <li>Correctness: a lookup answers the tenant asked for or nothing; it must never return
 *       another tenant than the one whose id or slug was given. Slugs match exactly (they are
 *       lower-case), and text that is not a valid slug finds nothing rather than failing.
 *   <li>Status: suspended tenants are found like active ones; deciding whether one may be served
 *       is {@link TenantAdmission}'s job, not the directory's.
 *   <li>Nullability: arguments are never null, answers are never null (empty means not found).
 *   <li>Failures: a lookup that cannot be answered (database down) throws an unchecked exception;
 *       it must not answer empty, which would read as "this tenant does not exist".
 * </ul>
 */
public interface TenantDirectory {

    /** The tenant with id {@code id}, or empty if there is none. */
    Optional<Tenant> findById(TenantId id);

    /** The tenant whose slug is exactly {@code slug}, or empty if there is none. */
    Optional<Tenant> findBySlug(String slug);
}
