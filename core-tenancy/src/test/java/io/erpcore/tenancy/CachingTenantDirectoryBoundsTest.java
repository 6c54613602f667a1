package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.CachingTenantDirectory.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingTenantDirectoryBoundsTest {

    private static final int MAX_ENTRIES = 20;
    private static final int MAX_MISSES = 5;

    private final ManualNanoClock clock = new ManualNanoClock(0);
    private final InMemoryTenantDirectory source = InMemoryTenantDirectory.of();
    private final CountingTenantDirectory counting = new CountingTenantDirectory(source);
    private final CachingTenantDirectory cache = CachingTenantDirectory.of(counting,
            new Settings(Duration.ofSeconds(5), Duration.ofSeconds(1), MAX_ENTRIES, MAX_MISSES), clock);

    @Test
    void holds_no_more_tenants_than_the_bound() {
        for (Tenant tenant : tenants(MAX_ENTRIES * 5)) {
            cache.findById(tenant.id());
        }

        assertThat(cache.size()).isLessThanOrEqualTo(MAX_ENTRIES);
    }

    @Test
    void holds_no_more_misses_than_their_bound() {
        for (int i = 0; i < 100; i++) {
            cache.findById(TenantId.random());
        }

        assertThat(cache.size()).isLessThanOrEqualTo(MAX_MISSES);
    }

    @Test
    void a_flood_of_misses_never_pushes_cached_tenants_out() {
        List<Tenant> known = tenants(MAX_ENTRIES);
        known.forEach(tenant -> cache.findById(tenant.id()));
        for (int i = 0; i < 1_000; i++) {
            cache.findById(TenantId.random());
        }
        int before = counting.lookups();

        known.forEach(tenant -> cache.findById(tenant.id()));

        assertThat(counting.lookups()).isEqualTo(before);
    }

    @Test
    void a_full_cache_drops_expired_tenants_before_live_ones() {
        List<Tenant> old = tenants(MAX_ENTRIES - 1);
        old.forEach(tenant -> cache.findById(tenant.id()));
        clock.advance(Duration.ofSeconds(4));
        Tenant recent = tenants(1).get(0);
        cache.findById(recent.id());
        clock.advance(Duration.ofSeconds(2));
        int before = counting.lookups();

        tenants(1).forEach(tenant -> cache.findById(tenant.id()));
        cache.findById(recent.id());

        assertThat(counting.lookups()).isEqualTo(before + 1);
    }

    private List<Tenant> tenants(int count) {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Tenant tenant = Tenants.active("t-" + TenantId.random().toString().substring(0, 8) + "-" + i);
            source.put(tenant);
            tenants.add(tenant);
        }
        return tenants;
    }
}
