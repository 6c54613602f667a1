package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedLoadCacheTest {

    private final SharedLoadCache<String, String> cache = SharedLoadCache.expiringAfterWrite(Duration.ofMinutes(1), 100);

    @Test
    void concurrent_misses_share_one_load_and_its_failure_reaches_every_caller_at_once() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> cache.get("user", key -> {
                loads.incrementAndGet();
                loading.countDown();
                await(fail);
                throw new IllegalStateException("the database is down");
            })));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                answers.add(callers.submit(() -> cache.get("user", key -> {
                    loads.incrementAndGet();
                    return "loaded again";
                })));
            }
            Thread.sleep(100);
            fail.countDown();

            for (Future<String> answer : answers) {
                assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasRootCauseMessage("the database is down");
            }
            assertThat(loads).as("loader calls").hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_failed_load_is_not_kept_and_the_next_caller_loads_again() {
        assertThatThrownBy(() -> cache.get("user", key -> {
            throw new IllegalStateException("the database is down");
        })).hasMessage("the database is down");

        assertThat(cache.get("user", key -> "back")).isEqualTo("back");
        assertThat(cache.get("user", key -> "not asked")).isEqualTo("back");
    }

    @Test
    void an_invalidated_key_is_loaded_again() {
        cache.get("user", key -> "before");

        cache.invalidate("user");

        assertThat(cache.get("user", key -> "after")).isEqualTo("after");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
