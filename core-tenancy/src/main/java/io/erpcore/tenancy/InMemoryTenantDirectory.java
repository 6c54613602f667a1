package io.erpcore.tenancy;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TenantDirectory} held in memory: a real implementation for tests and for services that
 * embed a fixed set of tenants. Slugs are unique, as in the database; all methods are thread-safe.
 */
public final class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<TenantId, Tenant> byId = new HashMap<>();
    private final Map<String, Tenant> bySlug = new HashMap<>();

    private InMemoryTenantDirectory() {
    }

    /** A directory holding {@code tenants}. */
    public static InMemoryTenantDirectory of(Tenant... tenants) {
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        for (Tenant tenant : tenants) {
            directory.put(tenant);
        }
        return directory;
    }

    /**
     * Stores {@code tenant}, replacing the tenant with the same id (whose old slug is freed).
     *
     * @throws DuplicateTenantSlugException when another tenant already has its slug
     */
    public synchronized void put(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        Tenant owner = bySlug.get(tenant.slug());
        if (owner != null && !owner.id().equals(tenant.id())) {
            throw new DuplicateTenantSlugException(tenant.slug(), owner.id(), tenant.id());
        }
        remove(tenant.id());
        byId.put(tenant.id(), tenant);
        bySlug.put(tenant.slug(), tenant);
    }

    /** Removes the tenant with id {@code id}; returns whether there was one. */
    public synchronized boolean remove(TenantId id) {
        Tenant removed = byId.remove(Objects.requireNonNull(id, "id"));
        if (removed != null) {
            bySlug.remove(removed.slug());
        }
        return removed != null;
    }

    @Override
    public synchronized Optional<Tenant> findById(TenantId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized Optional<Tenant> findBySlug(String slug) {
        return Optional.ofNullable(bySlug.get(Objects.requireNonNull(slug, "slug")));
    }
}
