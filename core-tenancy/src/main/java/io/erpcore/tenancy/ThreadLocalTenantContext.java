package io.erpcore.tenancy;

import io.erpcore.logging.LogContext;
import io.erpcore.logging.LogField;
import io.erpcore.logging.LogScope;
import io.erpcore.logging.ThrowingSupplier;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The {@link TenantContext} of the current thread, held in a thread-local. While a tenant is
 * active, the log context carries it too ({@link LogField#TENANT_ID}), so every log line of the
 * work names its tenant.
 *
 * <p>All instances share one slot per thread, so any number may be created. Work handed to an
 * executor does not see the tenant unless it is wrapped with {@link #propagate(Callable)} or
 * {@link #propagate(Runnable)}.
 */
public final class ThreadLocalTenantContext implements TenantContext {

    // Static: propagate() must see what any instance entered. Plain, not inheritable: a thread
    // started inside a tenant must not silently keep it.
    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private ThreadLocalTenantContext() {
    }

    /** A tenant context over the calling thread's slot. */
    public static ThreadLocalTenantContext create() {
        return new ThreadLocalTenantContext();
    }

    @Override
    public Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public <T, E extends Exception> T callAs(TenantId tenant, ThrowingSupplier<T, E> work) throws E {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        TenantId active = CURRENT.get();
        if (active == null) {
            return runSwapped(tenant, work);
        }
        if (active.equals(tenant)) {
            return work.get();
        }
        throw new TenantContextConflictException(active, tenant);
    }

    /**
     * {@code task}, bound to the tenant active on the calling thread now (or to none). Whichever
     * thread runs it runs it as that tenant and gets its own state back afterwards, also when the
     * task throws, so a pooled worker is left clean.
     */
    public static <T> Callable<T> propagate(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TenantId captured = CURRENT.get();
        return () -> runSwapped(captured, task::call);
    }

    /** {@code task}, bound to the calling thread's tenant as {@link #propagate(Callable)} describes. */
    public static Runnable propagate(Runnable task) {
        Objects.requireNonNull(task, "task");
        TenantId captured = CURRENT.get();
        return () -> runSwapped(captured, () -> {
            task.run();
            return null;
        });
    }

    // Swaps rather than nests: a pool thread may run a stolen or caller-run task while it is inside
    // another tenant's work, and the task must run as the tenant it was submitted under.
    private static <T, E extends Exception> T runSwapped(TenantId tenant, ThrowingSupplier<T, E> work) throws E {
        TenantId previous = CURRENT.get();
        install(tenant);
        try (LogScope scope = LogContext.put(LogField.TENANT_ID, tenant == null ? null : tenant.toString())) {
            return work.get();
        } finally {
            install(previous);
        }
    }

    // remove() rather than set(null), so a pooled thread keeps no thread-local entry at all.
    private static void install(TenantId tenant) {
        if (tenant == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(tenant);
        }
    }
}
