package io.erpcore.persistence;

import io.erpcore.tenancy.TenantId;

/**
 * Runs database work in a scope that PostgreSQL's forced row-level security enforces: the tenant
 * scope, where only one tenant's rows exist, or the platform scope, where the {@code tenants}
 * table is readable whole and tenant tables show nothing. There is no unscoped way in: without a
 * scope the policies fail closed, so a query sees no rows and an insert is refused.
 *
 * <p>The scope is transaction-local: it is set inside the work's transaction and gone when the
 * transaction ends, so a pooled connection never carries one tenant's scope into the next use.
 * The handle is lent for the duration of the call only and must not escape it; it must not be
 * used from other threads. Statements must be parameterized: the scope guards against mistakes in
 * application code, parameters guard against SQL from input.
 *
 * <p>Implementations hold each tenant to its share of the pool ({@link TenantBusyException}) and
 * retry idempotent work after transient failures ({@link Execution#idempotent()}); non-idempotent
 * work surfaces those as {@link TransientDatabaseException}. Every call blocks until the work is
 * done.
 *
 * @param <H> the handle the work gets, such as JDBI's {@code Handle}
 */
public interface RlsExecutor<H> {

    /** Runs {@code work} in one transaction scoped to {@code tenant}, not retried. */
    default <T, E extends Exception> T inTenant(TenantId tenant, ScopedWork<H, T, E> work) throws E {
        return inTenant(tenant, Execution.transaction(), work);
    }

    /** Runs {@code work} scoped to {@code tenant}, as {@code execution} says. */
    <T, E extends Exception> T inTenant(TenantId tenant, Execution execution, ScopedWork<H, T, E> work) throws E;

    /**
     * Runs {@code work} in the platform scope: every row of {@code tenants}, nothing of any tenant
     * table. Only for the platform API and for finding a tenant by slug at login.
     */
    <T, E extends Exception> T inPlatformScope(Execution execution, ScopedWork<H, T, E> work) throws E;

    /**
     * Runs {@code work} in one transaction with both scopes: the platform scope on {@code tenants}
     * and {@code tenant}'s scope on its tables, so a new tenant and its first rows (its owner)
     * are created together or not at all.
     */
    <T, E extends Exception> T provisioning(TenantId tenant, ScopedWork<H, T, E> work) throws E;
}
