package io.erpcore.tenancy;

import java.time.Instant;
import java.util.Optional;

/** Test data: valid tenants with as little noise as possible; public for adapters' contract tests. */
public final class Tenants {

    /** Microsecond precision, so a database round trip (timestamptz) returns it unchanged. */
    public static final Instant CREATED_AT = Instant.parse("2025-03-01T09:30:00.123456Z");

    private Tenants() {
    }

    /** An active tenant with a fresh id, slug {@code slug} and no own rate limit. */
    public static Tenant active(String slug) {
        return new Tenant(TenantId.random(), slug, "Tenant " + slug, TenantStatus.ACTIVE, Optional.empty(), CREATED_AT);
    }

    /** A suspended tenant with a fresh id and slug {@code slug}. */
    public static Tenant suspended(String slug) {
        return withStatus(active(slug), TenantStatus.SUSPENDED);
    }

    /** An active tenant with its own request limit {@code max}. */
    public static Tenant withRateLimit(String slug, int max) {
        Tenant tenant = active(slug);
        return new Tenant(tenant.id(), slug, tenant.name(), tenant.status(), Optional.of(max), CREATED_AT);
    }

    /** {@code tenant} with {@code status} instead of its own. */
    public static Tenant withStatus(Tenant tenant, TenantStatus status) {
        return new Tenant(tenant.id(), tenant.slug(), tenant.name(), status, tenant.rateLimitMax(), tenant.createdAt());
    }

    /** {@code tenant} renamed to slug {@code slug}. */
    public static Tenant withSlug(Tenant tenant, String slug) {
        return new Tenant(tenant.id(), slug, tenant.name(), tenant.status(), tenant.rateLimitMax(), tenant.createdAt());
    }
}
