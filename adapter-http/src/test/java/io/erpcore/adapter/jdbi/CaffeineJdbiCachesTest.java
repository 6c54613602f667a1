package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.cache.JdbiCache;
import org.jdbi.v3.core.cache.JdbiCacheStats;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;

class CaffeineJdbiCachesTest {

    @Test
    void a_loaded_value_is_served_again_without_loading() {
        JdbiCache<String, String> cache = CaffeineJdbiCaches.ofSize(100).build();
        AtomicInteger loads = new AtomicInteger();

        cache.getWithLoader("select 1", key -> key + " #" + loads.incrementAndGet());
        String again = cache.getWithLoader("select 1", key -> key + " #" + loads.incrementAndGet());

        assertThat(again).isEqualTo("select 1 #1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void a_loader_that_returns_null_is_asked_again() {
        JdbiCache<String, String> cache = CaffeineJdbiCaches.ofSize(100).build();
        AtomicInteger loads = new AtomicInteger();

        for (int i = 0; i < 2; i++) {
            cache.getWithLoader("x", key -> {
                loads.incrementAndGet();
                return null;
            });
        }

        assertThat(loads).hasValue(2);
    }

    @Test
    void a_cache_keeps_no_more_entries_than_its_size() {
        JdbiCache<Integer, Integer> cache = CaffeineJdbiCaches.ofSize(100).maxSize(10).buildWithLoader(key -> key);
        for (int key = 0; key < 1_000; key++) {
            cache.get(key);
        }

        JdbiCacheStats stats = cache.getStats();
        assertThat(stats.maxSize()).isEqualTo(10);
        assertThat(stats.cacheSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void installing_puts_the_template_cache_of_jdbi_in_caffeine() {
        Jdbi jdbi = CaffeineJdbiCaches.install(Jdbi.create(() -> {
            throw new SQLException("no database in this test");
        }));

        Object stats = jdbi.getConfig(SqlStatements.class).cacheStats();

        assertThat(stats.getClass().getName()).startsWith(CaffeineJdbiCaches.class.getName() + "$");
    }
}
