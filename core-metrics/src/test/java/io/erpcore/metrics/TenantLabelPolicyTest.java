package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class TenantLabelPolicyTest {

    @Test
    void the_first_tenants_up_to_the_cap_keep_their_id() {
        TenantLabelPolicy policy = TenantLabelPolicy.capped(2);

        assertThat(policy.labelFor("acme")).isEqualTo("acme");
        assertThat(policy.labelFor("globex")).isEqualTo("globex");
        assertThat(policy.labelFor("acme")).isEqualTo("acme");
    }

    @Test
    void tenants_beyond_the_cap_are_other() {
        TenantLabelPolicy policy = TenantLabelPolicy.capped(2);
        policy.labelFor("acme");
        policy.labelFor("globex");

        assertThat(policy.labelFor("initech")).isEqualTo("other");
        assertThat(policy.labelFor("globex")).isEqualTo("globex");
    }

    @Test
    void a_missing_or_blank_tenant_is_none() {
        TenantLabelPolicy policy = TenantLabelPolicy.capped(5);

        assertThat(policy.labelFor(null)).isEqualTo("none");
        assertThat(policy.labelFor(" ")).isEqualTo("none");
        assertThat(policy.labelFor("\u0001")).isEqualTo("none");
    }

    @Test
    void a_cap_of_zero_makes_every_tenant_other() {
        assertThat(TenantLabelPolicy.capped(0).labelFor("acme")).isEqualTo("other");
    }

    @Test
    void tenant_ids_are_sanitised() {
        assertThat(TenantLabelPolicy.capped(5).labelFor("ac\nme")).isEqualTo("acme");
    }

    @Test
    void a_negative_cap_is_refused() {
        assertThatThrownBy(() -> TenantLabelPolicy.capped(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenant label cap must be 0 or more but was -1");
    }

    @Test
    void concurrent_new_tenants_never_get_more_than_cap_distinct_labels() throws InterruptedException {
        TenantLabelPolicy policy = TenantLabelPolicy.capped(50);
        Set<String> labels = ConcurrentHashMap.newKeySet();

        onEightThreads(thread -> {
            for (int i = 0; i < 1_000; i++) {
                labels.add(policy.labelFor("tenant-" + thread + "-" + i));
            }
        });

        assertThat(labels).hasSize(51).contains("other");
    }

    private static void onEightThreads(IntConsumer work) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                await(start);
                work.accept(thread);
            });
            worker.start();
            threads.add(worker);
        }
        start.countDown();
        for (Thread worker : threads) {
            worker.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
