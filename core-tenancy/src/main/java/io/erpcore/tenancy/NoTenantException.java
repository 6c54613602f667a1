package io.erpcore.tenancy;

/**
 * Tenant-scoped work ran with no tenant active on its thread: a wiring bug (a route outside the
 * tenant chain, or a task handed to an executor without propagating the tenant), never bad input.
 */
public final class NoTenantException extends TenancyException {

    private static final long serialVersionUID = 1L;

    NoTenantException(String threadName) {
        super("no tenant is active on thread '" + threadName
                + "'; run tenant-scoped work inside TenantContext.runAs or callAs");
    }
}
