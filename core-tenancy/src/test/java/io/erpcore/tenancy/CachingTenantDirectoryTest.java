package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.tenancy.CachingTenantDirectory.Settings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachingTenantDirectoryTest extends TenantDirectoryContract {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Duration MISS_TTL = Duration.ofSeconds(1);

    private final ManualNanoClock clock = new ManualNanoClock(42_000_000_000L);
    private final Tenant acme = Tenants.active("acme");
    private final InMemoryTenantDirectory source = InMemoryTenantDirectory.of(acme);
    private final CountingTenantDirectory counting = new CountingTenantDirectory(source);
    private final CachingTenantDirectory cache = CachingTenantDirectory.of(counting, Settings.defaults(), clock);

    @Override
    protected TenantDirectory directoryWith(Tenant... tenants) {
        return CachingTenantDirectory.of(InMemoryTenantDirectory.of(tenants), Settings.defaults(), clock);
    }

    @Test
    void the_defaults_serve_tenants_for_five_seconds_and_misses_for_one() {
        assertThat(Settings.defaults()).isEqualTo(new Settings(TTL, MISS_TTL, 10_000, 1_000));
    }

    @Test
    void serves_a_tenant_by_id_from_the_cache_within_the_ttl() {
        cache.findById(acme.id());
        clock.advance(TTL.minusNanos(1));

        assertThat(cache.findById(acme.id())).contains(acme);
        assertThat(counting.lookups()).isEqualTo(1);
    }

    @Test
    void serves_a_tenant_by_slug_from_the_cache_within_the_ttl() {
        cache.findBySlug("acme");
        clock.advance(TTL.minusNanos(1));

        assertThat(cache.findBySlug("acme")).contains(acme);
        assertThat(counting.lookups()).isEqualTo(1);
    }

    @Test
    void a_suspension_takes_effect_once_the_ttl_has_passed() {
        cache.findById(acme.id());
        source.put(Tenants.withStatus(acme, TenantStatus.SUSPENDED));

        assertThat(cache.findById(acme.id())).hasValueSatisfying(t -> assertThat(t.isActive()).isTrue());
        clock.advance(TTL);
        assertThat(cache.findById(acme.id())).hasValueSatisfying(t -> assertThat(t.isActive()).isFalse());
    }

    @Test
    void caches_a_miss_for_the_miss_ttl() {
        TenantId unknown = TenantId.random();
        cache.findById(unknown);
        cache.findById(unknown);

        assertThat(counting.lookups()).isEqualTo(1);
    }

    @Test
    void a_tenant_created_after_a_miss_is_found_once_the_miss_ttl_has_passed() {
        Tenant globex = Tenants.active("globex");
        assertThat(cache.findBySlug("globex")).isEmpty();
        source.put(globex);

        assertThat(cache.findBySlug("globex")).isEmpty();
        clock.advance(MISS_TTL);
        assertThat(cache.findBySlug("globex")).contains(globex);
    }

    @Test
    void a_zero_miss_ttl_caches_no_misses() {
        CachingTenantDirectory noMisses = CachingTenantDirectory.of(counting,
                new Settings(TTL, Duration.ZERO, 10, 10), clock);
        TenantId unknown = TenantId.random();

        noMisses.findById(unknown);
        noMisses.findById(unknown);

        assertThat(counting.lookups()).isEqualTo(2);
    }

    @Test
    void invalidate_forgets_the_tenant_by_id_and_by_slug_together() {
        cache.findById(acme.id());
        cache.findBySlug("acme");
        source.put(Tenants.withStatus(acme, TenantStatus.SUSPENDED));

        cache.invalidate(acme.id());

        assertThat(cache.findById(acme.id())).hasValueSatisfying(t -> assertThat(t.isActive()).isFalse());
        assertThat(cache.findBySlug("acme")).hasValueSatisfying(t -> assertThat(t.isActive()).isFalse());
        assertThat(counting.lookups()).isEqualTo(4);
    }

    @Test
    void invalidate_forgets_a_former_slug_of_the_tenant() {
        cache.findBySlug("acme");
        source.put(Tenants.withSlug(acme, "acme-corp"));

        cache.invalidate(acme.id());

        assertThat(cache.findBySlug("acme")).isEmpty();
    }

    @Test
    void invalidate_keeps_other_tenants_cached() {
        Tenant globex = Tenants.active("globex");
        source.put(globex);
        cache.findById(globex.id());

        cache.invalidate(acme.id());
        cache.findById(globex.id());

        assertThat(counting.lookups()).isEqualTo(1);
    }

    @Test
    void invalidate_all_forgets_misses_too() {
        Tenant globex = Tenants.active("globex");
        cache.findBySlug("globex");
        source.put(globex);

        cache.invalidateAll();

        assertThat(cache.findBySlug("globex")).contains(globex);
    }

    @Test
    void text_that_is_not_a_slug_is_answered_without_a_lookup() {
        assertThat(cache.findBySlug("NOT A SLUG")).isEmpty();
        assertThat(counting.lookups()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_failed_lookup_is_not_cached() {
        counting.failNextLookupWith(new IllegalStateException("database down"));

        assertThatThrownBy(() -> cache.findById(acme.id())).hasMessage("database down");
        assertThat(cache.findById(acme.id())).contains(acme);
    }

    @Test
    void expiry_survives_a_nano_clock_that_wraps_around() {
        ManualNanoClock nearTheEnd = new ManualNanoClock(Long.MAX_VALUE - 1_000);
        CachingTenantDirectory wrapping = CachingTenantDirectory.of(counting, Settings.defaults(), nearTheEnd);

        wrapping.findById(acme.id());
        nearTheEnd.advance(TTL.minusNanos(1));
        wrapping.findById(acme.id());
        nearTheEnd.advance(Duration.ofNanos(1));
        wrapping.findById(acme.id());

        assertThat(counting.lookups()).isEqualTo(2);
    }

    @Test
    void refuses_a_delegate_that_answers_another_tenant() {
        Tenant globex = Tenants.active("globex");
        TenantDirectory broken = new TenantDirectory() {
            @Override
            public Optional<Tenant> findById(TenantId id) {
                return Optional.of(globex);
            }

            @Override
            public Optional<Tenant> findBySlug(String slug) {
                return Optional.of(globex);
            }
        };
        CachingTenantDirectory guarded = CachingTenantDirectory.of(broken, Settings.defaults(), clock);

        assertThatThrownBy(() -> guarded.findById(acme.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered tenant '" + globex.id() + "'");
        assertThatThrownBy(() -> guarded.findBySlug("acme")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for slug 'acme'");
        assertThat(guarded.size()).isZero();
    }

    @Test
    void settings_name_the_offending_value() {
        assertThatThrownBy(() -> new Settings(Duration.ZERO, MISS_TTL, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'ttl' must be positive but was PT0S");
        assertThatThrownBy(() -> new Settings(TTL, MISS_TTL, 0, 10))
                .hasMessage("'maxEntries' must be at least 1 but was 0");
    }
}
