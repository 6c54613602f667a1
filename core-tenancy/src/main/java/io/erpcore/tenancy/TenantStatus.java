package io.erpcore.tenancy;

import io.erpcore.tenancy.internal.InputText;

/** Whether a tenant may be served: an active tenant is, a suspended tenant is answered with 403. */
public enum TenantStatus {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String id;

    TenantStatus(String id) {
        this.id = id;
    }

    /** The wire and database spelling, e.g. {@code suspended}. */
    public String id() {
        return id;
    }

    /**
     * The status spelled {@code id}, exactly as {@link #id()} writes it.
     *
     * @throws InvalidTenantException for any other text
     */
    public static TenantStatus ofId(String id) {
        for (TenantStatus status : values()) {
            if (status.id.equals(id)) {
                return status;
            }
        }
        throw new InvalidTenantException(
                "'status' must be one of [active, suspended] but was " + InputText.quote(id));
    }
}
