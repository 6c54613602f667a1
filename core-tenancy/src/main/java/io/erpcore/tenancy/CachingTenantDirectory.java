package io.erpcore.tenancy;

import io.erpcore.tenancy.internal.CachePolicy;
import io.erpcore.tenancy.internal.ExpiringCache;
import io.erpcore.tenancy.internal.InputText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A {@link TenantDirectory} that remembers another directory's answers for a short time, by id
 * and by slug, so the tenant lookup of every request does not reach the database.
 *
 * <p>Found tenants are served for {@link Settings#ttl()} (default 5 s, so a suspension takes effect
 * within 5 s, DESIGN section 4). Misses are served for {@link Settings#missTtl()} (default 1 s), so
 * repeated lookups of an unknown id or slug reach the delegate at most once a second per key, while
 * a newly created tenant becomes visible within a second ({@link #invalidateAll()} makes it visible
 * at once). Text that is not a valid slug is answered empty without a lookup and is not cached.
 *
 * <p>Bounded: each index holds at most {@link Settings#maxEntries()} tenants and
 * {@link Settings#maxMisses()} misses (plus at most one per concurrently inserting thread); when
 * full, expired entries go first, then arbitrary ones. Misses have their own bound so a flood of
 * unknown keys cannot push known tenants out. Thread-safe; concurrent lookups of one uncached key
 * make a single delegate call; a failing delegate call is never cached.
 */
public final class CachingTenantDirectory implements TenantDirectory {

    private final TenantDirectory delegate;
    private final ExpiringCache<TenantId, Tenant> byId;
    private final ExpiringCache<String, Tenant> bySlug;

    private CachingTenantDirectory(TenantDirectory delegate, Settings settings, LongSupplier nanoClock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        CachePolicy policy = Objects.requireNonNull(settings, "settings").policy();
        this.byId = new ExpiringCache<>(policy, Objects.requireNonNull(nanoClock, "nanoClock"));
        this.bySlug = new ExpiringCache<>(policy, nanoClock);
    }

    /** {@code delegate}, cached with {@link Settings#defaults()} on the system's nano clock. */
    public static CachingTenantDirectory of(TenantDirectory delegate) {
        return of(delegate, Settings.defaults(), System::nanoTime);
    }

    /** {@code delegate}, cached with {@code settings}, reading time from {@code nanoClock}. */
    public static CachingTenantDirectory of(TenantDirectory delegate, Settings settings, LongSupplier nanoClock) {
        return new CachingTenantDirectory(delegate, settings, nanoClock);
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return byId.get(Objects.requireNonNull(id, "id"), this::loadById);
    }

    @Override
    public Optional<Tenant> findBySlug(String slug) {
        Objects.requireNonNull(slug, "slug");
        return InputText.isSlug(slug) ? bySlug.get(slug, this::loadBySlug) : Optional.empty();
    }

    /**
     * Forgets tenant {@code id}: its id entry and every slug entry that holds it (its current
     * slug and any former one). Call after changing or deleting a tenant; scans the slug index.
     */
    public void invalidate(TenantId id) {
        Objects.requireNonNull(id, "id");
        byId.invalidate(id);
        bySlug.invalidateValues(tenant -> tenant.id().equals(id));
    }

    /** Forgets everything, misses included; for instance after creating a tenant. */
    public void invalidateAll() {
        byId.invalidateAll();
        bySlug.invalidateAll();
    }

    /** How many answers are cached, tenants and misses of both indexes together. */
    public int size() {
        return byId.size() + bySlug.size();
    }

    // The checks keep a broken delegate from planting one tenant under another's key.
    private Optional<Tenant> loadById(TenantId id) {
        Optional<Tenant> found = delegate.findById(id);
        found.filter(tenant -> !tenant.id().equals(id)).ifPresent(tenant -> {
            throw contractBroken("id", id.toString(), tenant);
        });
        return found;
    }

    private Optional<Tenant> loadBySlug(String slug) {
        Optional<Tenant> found = delegate.findBySlug(slug);
        found.filter(tenant -> !tenant.slug().equals(slug)).ifPresent(tenant -> {
            throw contractBroken("slug", slug, tenant);
        });
        return found;
    }

    private IllegalStateException contractBroken(String key, String asked, Tenant answered) {
        return new IllegalStateException(delegate.getClass().getName() + " answered tenant '" + answered.id()
                + "' (slug '" + answered.slug() + "') for " + key + " '" + asked + "'");
    }

    /**
     * How long and how much the cache keeps.
     *
     * @param ttl how long a found tenant is served; positive
     * @param missTtl how long "no such tenant" is served; zero turns miss caching off
     * @param maxEntries how many tenants each index holds at most; positive
     * @param maxMisses how many misses each index holds at most; positive
     */
    public record Settings(Duration ttl, Duration missTtl, int maxEntries, int maxMisses) {

        /** Checks every bound; the message names the setting and its value. */
        public Settings {
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(missTtl, "missTtl");
            require(!ttl.isNegative() && !ttl.isZero(), "'ttl' must be positive but was " + ttl);
            require(!missTtl.isNegative(), "'missTtl' must be zero or positive but was " + missTtl);
            require(maxEntries >= 1, "'maxEntries' must be at least 1 but was " + maxEntries);
            require(maxMisses >= 1, "'maxMisses' must be at least 1 but was " + maxMisses);
        }

        /** 5 s for tenants, 1 s for misses, 10,000 tenants and 1,000 misses per index. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(1), 10_000, 1_000);
        }

        CachePolicy policy() {
            return new CachePolicy(ttl.toNanos(), missTtl.toNanos(), maxEntries, maxMisses);
        }

        private static void require(boolean rule, String message) {
            if (!rule) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
