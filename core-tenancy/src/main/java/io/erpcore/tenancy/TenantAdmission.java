package io.erpcore.tenancy;

import java.util.Objects;
import java.util.Optional;

/**
 * The step after {@link TenantResolver resolution}: whether the resolved tenant, as the
 * {@link TenantDirectory} knows it, may be served. Pure: the caller does the lookup.
 */
public sealed interface TenantAdmission permits TenantAdmission.Admitted, TenantResolution.Refused {

    /** The tenant exists and is active; the request runs as it. */
    record Admitted(Tenant tenant) implements TenantAdmission {

        /** Refuses a missing tenant. */
        public Admitted {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /**
     * Admits {@code found}, the directory's answer for {@code requested}: an active tenant is
     * {@link Admitted}; no tenant is refused with {@code TENANT_NOT_FOUND} (401), a suspended one
     * with {@code TENANT_SUSPENDED} (403).
     *
     * @throws IllegalArgumentException when {@code found} is another tenant than {@code requested},
     *     which only a broken directory can produce
     */
    static TenantAdmission admit(TenantId requested, Optional<Tenant> found) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(found, "found");
        if (found.isEmpty()) {
            return new TenantResolution.Refused(TenantResolution.Refusal.TENANT_NOT_FOUND,
                    "tenant '" + requested + "' does not exist");
        }
        Tenant tenant = found.get();
        if (!tenant.id().equals(requested)) {
            throw new IllegalArgumentException("the directory answered tenant '" + tenant.id()
                    + "' for tenant '" + requested + "'; a directory must never return another tenant");
        }
        return tenant.isActive()
                ? new Admitted(tenant)
                : new TenantResolution.Refused(TenantResolution.Refusal.TENANT_SUSPENDED,
                        "tenant '" + requested + "' is suspended");
    }
}
