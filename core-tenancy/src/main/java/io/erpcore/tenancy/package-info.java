/**
 * Who the current tenant is, and the rules for deciding it.
 *
 * <ul>
 *   <li>Values: {@link io.erpcore.tenancy.TenantId} (a UUID, parsed strictly),
 *       {@link io.erpcore.tenancy.Tenant} and its {@link io.erpcore.tenancy.TenantStatus}.
 *   <li>The {@link io.erpcore.tenancy.TenantContext} port lends a tenant to a unit of work, with
 *       strict nesting rules (the same tenant nests, a different one is refused);
 *       {@link io.erpcore.tenancy.ThreadLocalTenantContext} implements it per thread, puts the
 *       tenant into the log context and propagates it to executor tasks.
 *   <li>{@link io.erpcore.tenancy.TenantResolver} weighs a verified token's {@code tid} claim
 *       against the {@code X-Tenant-ID} header, and {@link io.erpcore.tenancy.TenantAdmission}
 *       refuses unknown and suspended tenants; both are pure and answer with a sealed outcome whose
 *       {@link io.erpcore.tenancy.TenantResolution.Refusal refusals} carry an HTTP status and a
 *       stable error code.
 *   <li>The {@link io.erpcore.tenancy.TenantDirectory} port looks tenants up by id and slug;
 *       {@link io.erpcore.tenancy.InMemoryTenantDirectory} holds them in memory and
 *       {@link io.erpcore.tenancy.CachingTenantDirectory} puts a short-lived, bounded cache in front
 *       of any directory.
 * </ul>
 *
 * <p>Every failure is a {@link io.erpcore.tenancy.TenancyException}. Nothing here depends on a web
 * framework or a database; adapters map refusals to HTTP answers and implement the directory.
 */
package io.erpcore.tenancy;
