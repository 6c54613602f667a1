package io.erpcore.adapter.http;

import io.erpcore.logging.ThrowingRunnable;
import io.erpcore.logging.ThrowingSupplier;
import io.erpcore.tenancy.TenantContext;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.ThreadLocalTenantContext;
import java.util.Optional;

/**
 * The request-scoped {@link TenantContext}: inside a route handler, {@link #current()} is the tenant
 * the chain resolved for that request, on whatever thread the handler runs. The application binds
 * it around each handler call and unbinds it after, so no tenant outlives its request; the nesting
 * rules of the port hold (a handler may re-enter its own tenant, never another).
 */
public final class JavalinTenantContext implements TenantContext {

    private final ThreadLocalTenantContext threads = ThreadLocalTenantContext.create();

    private JavalinTenantContext() {
    }

    /** A context for one application; share it with everything that runs inside its handlers. */
    public static JavalinTenantContext create() {
        return new JavalinTenantContext();
    }

    @Override
    public Optional<TenantId> current() {
        return threads.current();
    }

    @Override
    public <T, E extends Exception> T callAs(TenantId tenant, ThrowingSupplier<T, E> work) throws E {
        return threads.callAs(tenant, work);
    }

    <E extends Exception> void runHandler(ApiRequest request, ThrowingRunnable<E> handler) throws E {
        Optional<TenantId> tenant = request.tenantId();
        if (tenant.isEmpty()) {
            handler.run();
        } else {
            threads.runAs(tenant.get(), handler);
        }
    }
}
