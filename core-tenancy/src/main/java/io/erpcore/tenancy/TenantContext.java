package io.erpcore.tenancy;

import io.erpcore.logging.ThrowingRunnable;
import io.erpcore.logging.ThrowingSupplier;
import java.util.Optional;

/**
 * The tenant that the current unit of work runs as. A tenant is lent to work through
 * {@link #callAs} and {@link #runAs}, never set and left behind.
 *
 * <p>Nesting rules, which every implementation keeps:
 * <ul>
 *   <li>Entering the tenant that is already active is allowed and changes nothing (no-op nesting),
 *       so a service may call another service that also enters the tenant.
 *   <li>Entering a different tenant while one is active throws
 *       {@link TenantContextConflictException}, naming both ids, before the work starts. Work for
 *       several tenants runs one after another, never nested: that is what prevents one tenant's
 *       work from silently running inside another's.
 *   <li>On exit the previous state is restored, also when the work throws; the work's exception
 *       (checked or not) reaches the caller unchanged.
 * </ul>
 *
 * <p>Threading: the active tenant belongs to the thread (or other unit of execution) that entered
 * it; other threads do not see it unless the implementation offers a way to propagate it.
 * Nullability: no argument may be null and no method returns null. Implementations must not let a
 * tenant outlive the call that entered it, must not inherit one implicitly into new threads, and
 * must not block.
 */
public interface TenantContext {

    /** The active tenant, or empty outside any {@code callAs}/{@code runAs}. */
    Optional<TenantId> current();

    /**
     * The active tenant, for code that must only run inside one.
     *
     * @throws NoTenantException when no tenant is active
     */
    default TenantId require() {
        return current().orElseThrow(() -> new NoTenantException(Thread.currentThread().getName()));
    }

    /**
     * Runs {@code work} as {@code tenant} and returns its result, following the nesting rules above.
     *
     * @throws TenantContextConflictException when a different tenant is active
     * @throws E whatever {@code work} throws, unchanged
     */
    <T, E extends Exception> T callAs(TenantId tenant, ThrowingSupplier<T, E> work) throws E;

    /**
     * Runs {@code work} as {@code tenant}, following the nesting rules above.
     *
     * @throws TenantContextConflictException when a different tenant is active
     * @throws E whatever {@code work} throws, unchanged
     */
    default <E extends Exception> void runAs(TenantId tenant, ThrowingRunnable<E> work) throws E {
        this.<Void, E>callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
