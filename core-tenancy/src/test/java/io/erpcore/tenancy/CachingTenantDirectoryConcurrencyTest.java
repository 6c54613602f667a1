package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CachingTenantDirectoryConcurrencyTest {

    private static final int CALLERS = 16;

    private final GatedDirectory gated = new GatedDirectory();
    private final CachingTenantDirectory cache = CachingTenantDirectory.of(gated);

    @Test
    void concurrent_lookups_of_one_missing_id_make_a_single_delegate_call() throws Exception {
        TenantId unknown = TenantId.random();
        ConcurrentLinkedQueue<Optional<Tenant>> answers = new ConcurrentLinkedQueue<>();

        List<Thread> callers = startCallers(() -> answers.add(cache.findById(unknown)));
        awaitAllParked(callers);
        gated.open.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(gated.calls).hasValue(1);
        assertThat(answers).hasSize(CALLERS).containsOnly(Optional.empty());
    }

    @Test
    void concurrent_callers_all_receive_the_delegates_failure() throws Exception {
        gated.failure = new IllegalStateException("database down");
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        TenantId unknown = TenantId.random();

        List<Thread> callers = startCallers(() -> {
            try {
                cache.findById(unknown);
            } catch (IllegalStateException expected) {
                failures.add(expected);
            }
        });
        awaitAllParked(callers);
        gated.open.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(failures).hasSize(CALLERS).allSatisfy(f -> assertThat(f).hasMessage("database down"));
    }

    private static List<Thread> startCallers(Runnable lookup) {
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Thread caller = new Thread(lookup, "caller-" + i);
            caller.start();
            callers.add(caller);
        }
        return callers;
    }

    // One caller waits at the gate inside the delegate, the others wait for its answer: all parked.
    private static void awaitAllParked(List<Thread> callers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            assertThat(System.nanoTime() - deadline).as("callers parked in time").isNegative();
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** A directory that knows no tenant and answers only once its gate opens. */
    private static final class GatedDirectory implements TenantDirectory {

        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failure;

        @Override
        public Optional<Tenant> findById(TenantId id) {
            calls.incrementAndGet();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                throw failure;
            }
            return Optional.empty();
        }

        @Override
        public Optional<Tenant> findBySlug(String slug) {
            return Optional.empty();
        }
    }
}
