package io.erpcore.tenancy;

import io.erpcore.tenancy.internal.InputText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant as the directory knows it: its id, its unique slug (a lower-case DNS label, used at
 * login and in URLs), its display name, its status, its own request limit if it has one, and when
 * it was created.
 *
 * @param rateLimitMax the tenant's own request limit per window, overriding the default when present
 */
public record Tenant(
        TenantId id,
        String slug,
        String name,
        TenantStatus status,
        Optional<Integer> rateLimitMax,
        Instant createdAt) {

    /** The longest name a tenant may have, in characters. */
    public static final int NAME_MAX_LENGTH = 200;

    /**
     * Validates every field.
     *
     * @throws InvalidTenantException for a slug that is not a lower-case DNS label, a blank name,
     *     a name over 200 characters, or a rate limit below 1
     * @throws NullPointerException for a missing field (a bug, not input)
     */
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rateLimitMax, "rateLimitMax");
        Objects.requireNonNull(createdAt, "createdAt");
        requireSlug(Objects.requireNonNull(slug, "slug"));
        requireName(Objects.requireNonNull(name, "name"));
        rateLimitMax.ifPresent(Tenant::requireRateLimit);
    }

    /** Whether the tenant may be served. */
    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    private static void requireSlug(String slug) {
        if (!InputText.isSlug(slug)) {
            throw new InvalidTenantException("'slug' must be 1 to 63 lower-case letters, digits or inner"
                    + " hyphens (a DNS label) but was " + InputText.quote(slug));
        }
    }

    private static void requireName(String name) {
        if (name.isBlank()) {
            throw new InvalidTenantException("'name' must not be blank but was " + InputText.quote(name));
        }
        // Counted in code points, as PostgreSQL counts varchar(200), so an accepted name always fits.
        int length = name.codePointCount(0, name.length());
        if (length > NAME_MAX_LENGTH) {
            throw new InvalidTenantException("'name' must be at most " + NAME_MAX_LENGTH
                    + " characters but was " + length + " characters long");
        }
    }

    private static void requireRateLimit(Integer max) {
        if (max < 1) {
            throw new InvalidTenantException("'rateLimitMax' must be at least 1 but was " + max);
        }
    }
}
