package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to a tenant through the platform API: absent fields stay as they are. The tenant's own
 * rate limit is left, replaced ({@link #withRateLimitMax}) or removed so the default applies again
 * ({@link #withoutRateLimitMax}). Start from {@link #none()}. The slug never changes.
 *
 * @param removesRateLimitMax whether the own rate limit is removed; never together with a new one
 */
public record TenantUpdate(Optional<String> name, Optional<TenantStatus> status, Optional<Integer> rateLimitMax,
        boolean removesRateLimitMax) {

    /**
     * Checks the present fields by {@link Tenant}'s own rules.
     *
     * @throws io.erpcore.tenancy.InvalidTenantException for a blank or too long name or a limit below 1
     */
    public TenantUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rateLimitMax, "rateLimitMax");
        if (removesRateLimitMax && rateLimitMax.isPresent()) {
            throw new IllegalArgumentException("a tenant update cannot both set and remove 'rateLimitMax'");
        }
        // Tenant's compact constructor holds the rules; a throwaway instance applies them.
        new Tenant(TenantId.random(), "x", name.orElse("x"), TenantStatus.ACTIVE, rateLimitMax, Instant.EPOCH);
    }

    /** A change of nothing. */
    public static TenantUpdate none() {
        return new TenantUpdate(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public TenantUpdate withName(String newName) {
        return new TenantUpdate(Optional.of(newName), status, rateLimitMax, removesRateLimitMax);
    }

    public TenantUpdate withStatus(TenantStatus newStatus) {
        return new TenantUpdate(name, Optional.of(newStatus), rateLimitMax, removesRateLimitMax);
    }

    public TenantUpdate withRateLimitMax(int max) {
        return new TenantUpdate(name, status, Optional.of(max), false);
    }

    public TenantUpdate withoutRateLimitMax() {
        return new TenantUpdate(name, status, Optional.empty(), true);
    }
}
