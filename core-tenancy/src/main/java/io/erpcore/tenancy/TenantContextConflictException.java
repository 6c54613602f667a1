package io.erpcore.tenancy;

/**
 * Work tried to enter one tenant while another was active on the same thread. Work for several
 * tenants runs one after another, never nested, so one tenant's work cannot run inside another's.
 */
public final class TenantContextConflictException extends TenancyException {

    private static final long serialVersionUID = 1L;

    private final transient TenantId active;
    private final transient TenantId requested;

    TenantContextConflictException(TenantId active, TenantId requested) {
        super("cannot enter tenant '" + requested + "' while tenant '" + active
                + "' is active on this thread; run work for several tenants one after another, not nested");
        this.active = active;
        this.requested = requested;
    }

    /** The tenant that was active when the other was requested. */
    public TenantId active() {
        return active;
    }

    /** The tenant that work tried to enter. */
    public TenantId requested() {
        return requested;
    }
}
