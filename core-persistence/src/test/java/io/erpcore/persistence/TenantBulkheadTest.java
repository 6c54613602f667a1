package io.erpcore.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantBulkheadTest {

    private final TenantId acme = TenantId.random();
    private final TenantId globex = TenantId.random();
    private final TenantBulkhead bulkhead = TenantBulkhead.of(2, Duration.ofMillis(200));
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void a_tenant_gets_up_to_its_share_of_slots_at_once() throws InterruptedException {
        hold(acme, 2);

        assertThat(bulkhead.inUse(acme)).isEqualTo(2);
    }

    @Test
    void a_tenant_beyond_its_share_is_busy_after_the_acquire_timeout() throws InterruptedException {
        hold(acme, 2);
        long start = System.nanoTime();

        assertThatThrownBy(() -> bulkhead.call(acme, () -> "third")).isInstanceOf(TenantBusyException.class)
                .hasMessageContaining(acme.toString()).hasMessageContaining("2 connections");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void another_tenant_is_not_held_back() throws InterruptedException {
        hold(acme, 2);

        assertThat(bulkhead.call(globex, () -> "served")).isEqualTo("served");
    }

    @Test
    void a_slot_is_given_back_when_the_work_fails() {
        assertThatThrownBy(() -> bulkhead.call(acme, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(bulkhead.inUse(acme)).isZero();
    }

    @Test
    void a_share_below_one_is_refused() {
        assertThatThrownBy(() -> TenantBulkhead.of(0, Duration.ofSeconds(1))).hasMessage("'share' must be at least 1 but was 0");
    }

    private void hold(TenantId tenant, int slots) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(slots);
        for (int i = 0; i < slots; i++) {
            threads.submit(() -> bulkhead.call(tenant, () -> {
                holding.countDown();
                return release.await(5, TimeUnit.SECONDS);
            }));
        }
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
