package io.erpcore.persistence;

import io.erpcore.logging.ThrowingSupplier;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Holds each tenant to its share of the connection pool ({@code DATABASE_TENANT_MAX_CONNECTIONS}),
 * so one tenant's burst cannot starve the others. Work beyond the share waits up to the acquire
 * timeout for one of the tenant's own slots, then fails with {@link TenantBusyException}.
 * Thread-safe; slots are handed out fairly, in arrival order.
 */
public final class TenantBulkhead {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final int share;
    private final Duration acquireTimeout;
    private final ConcurrentHashMap<TenantId, Semaphore> slots = new ConcurrentHashMap<>();

    private TenantBulkhead(int share, Duration acquireTimeout) {
        this.share = share;
        this.acquireTimeout = acquireTimeout;
    }

    /** At most {@code share} concurrent units of work per tenant; waits up to {@code acquireTimeout}. */
    public static TenantBulkhead of(int share, Duration acquireTimeout) {
        if (share < 1) {
            throw new IllegalArgumentException("'share' must be at least 1 but was " + share);
        }
        return new TenantBulkhead(share, acquireTimeout);
    }

    /** Runs {@code work} in one of {@code tenant}'s slots. */
    public <T, E extends Exception> T call(TenantId tenant, ThrowingSupplier<T, E> work) throws E {
        Semaphore tenantSlots = slots.computeIfAbsent(tenant, id -> new Semaphore(share, true));
        acquire(tenant, tenantSlots);
        try {
            return work.get();
        } finally {
            tenantSlots.release();
        }
    }

    /** How many of {@code tenant}'s slots are taken right now. */
    public int inUse(TenantId tenant) {
        Semaphore tenantSlots = slots.get(tenant);
        return tenantSlots == null ? 0 : share - tenantSlots.availablePermits();
    }

    private void acquire(TenantId tenant, Semaphore tenantSlots) {
        try {
            if (!tenantSlots.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TenantBusyException(tenant, share, acquireTimeout, RETRY_AFTER);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while waiting for a connection slot of tenant " + tenant, interrupted);
        }
    }
}
