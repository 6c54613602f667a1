package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimiter} promises. An implementation's test extends this class and
 * says how to make a limiter; every test counts under keys of its own, so limiters over a shared
 * store need no cleaning between tests.
 */
public abstract class RateLimiterContract {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final RateLimit THREE = RateLimit.of("general", 3, WINDOW);

    // A fresh client per test: a store shared with other tests and runs keeps their buckets.
    private final String client = "203.0.113.7-" + UUID.randomUUID();
    private RateLimiter limiter;

    /** A new limiter; called before each test and closed after it. */
    protected abstract RateLimiter newLimiter();

    /**
     * Returns once {@code window} has passed for the limiter. Sleeping is the default; a limiter on
     * a clock the test controls advances the clock instead.
     */
    protected void letPass(Duration window) throws InterruptedException {
        Thread.sleep(window.toMillis() + 250);
    }

    @BeforeEach
    final void createLimiter() {
        limiter = newLimiter();
    }

    @AfterEach
    final void closeLimiter() {
        if (limiter != null) { // null when newLimiter() skipped the test
            limiter.close();
        }
    }

    @Test
    void allows_as_many_requests_as_the_capacity() {
        for (int i = 0; i < THREE.capacity(); i++) {
            assertThat(limiter.tryConsume(client, THREE).allowed()).as("request %d", i + 1).isTrue();
        }
    }

    @Test
    void refuses_the_request_after_the_limit() {
        consume(client, THREE, 3);

        RateLimitDecision fourth = limiter.tryConsume(client, THREE);

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.remaining()).isZero();
    }

    @Test
    void a_refused_request_says_when_to_retry() {
        consume(client, THREE, 3);

        RateLimitDecision refused = limiter.tryConsume(client, THREE);

        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(refused.reset()).isPositive().isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void remaining_counts_down_with_each_request() {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            remaining.add(limiter.tryConsume(client, THREE).remaining());
        }

        assertThat(remaining).containsExactly(2, 1, 0);
    }

    @Test
    void an_allowed_request_reports_the_limit_and_when_the_bucket_is_full_again() {
        RateLimitDecision allowed = limiter.tryConsume(client, THREE);

        assertThat(allowed.limit()).isEqualTo(3);
        assertThat(allowed.retryAfter()).isZero();
        assertThat(allowed.reset()).isPositive().isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void different_keys_have_separate_budgets() {
        consume(client, THREE, 3);

        assertThat(limiter.tryConsume(client + "-neighbour", THREE).allowed()).isTrue();
    }

    @Test
    void limits_with_different_names_have_separate_budgets() {
        consume(client, THREE, 3);

        assertThat(limiter.tryConsume(client, RateLimit.of("tenant", 3, WINDOW)).allowed()).isTrue();
    }

    @Test
    void a_limit_with_another_capacity_counts_in_a_bucket_of_its_own() {
        consume(client, THREE, 3);

        RateLimitDecision raised = limiter.tryConsume(client, RateLimit.of("general", 10, WINDOW));

        assertThat(raised.allowed()).isTrue();
        assertThat(raised.remaining()).isEqualTo(9);
    }

    @Test
    void peek_does_not_consume() {
        limiter.tryConsume(client, THREE);

        limiter.peek(client, THREE);
        limiter.peek(client, THREE);

        assertThat(limiter.tryConsume(client, THREE).remaining()).isEqualTo(1);
    }

    @Test
    void peek_reports_what_is_left() {
        limiter.tryConsume(client, THREE);

        RateLimitDecision peeked = limiter.peek(client, THREE);

        assertThat(peeked.allowed()).isTrue();
        assertThat(peeked.remaining()).isEqualTo(2);
    }

    @Test
    void peek_of_an_untouched_key_reports_the_full_budget() {
        RateLimitDecision peeked = limiter.peek(client, THREE);

        assertThat(peeked.allowed()).isTrue();
        assertThat(peeked.remaining()).isEqualTo(3);
        assertThat(peeked.limit()).isEqualTo(3);
    }

    @Test
    void peek_refuses_once_the_budget_is_spent() {
        consume(client, THREE, 3);

        RateLimitDecision peeked = limiter.peek(client, THREE);

        assertThat(peeked.allowed()).isFalse();
        assertThat(peeked.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void the_whole_budget_returns_once_the_window_has_passed() throws InterruptedException {
        RateLimit perSecond = RateLimit.of("general", 2, Duration.ofSeconds(1));
        consume(client, perSecond, 2);
        assertThat(limiter.tryConsume(client, perSecond).allowed()).isFalse();

        letPass(perSecond.window());

        RateLimitDecision afterWindow = limiter.tryConsume(client, perSecond);
        assertThat(afterWindow.allowed()).isTrue();
        assertThat(afterWindow.remaining()).isEqualTo(1);
    }

    @Test
    void concurrent_requests_never_get_more_than_the_capacity() throws Exception {
        RateLimit forty = RateLimit.of("general", 40, WINDOW);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                allowed.add(pool.submit(allowedOf(forty, 20, start)));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : allowed) {
                total += count.get();
            }
            assertThat(total).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<Integer> allowedOf(RateLimit limit, int attempts, CountDownLatch start) {
        return () -> {
            start.await();
            int allowed = 0;
            for (int i = 0; i < attempts; i++) {
                allowed += limiter.tryConsume(client, limit).allowed() ? 1 : 0;
            }
            return allowed;
        };
    }

    private void consume(String key, RateLimit limit, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.tryConsume(key, limit).allowed()).as("setup request %d", i + 1).isTrue();
        }
    }
}
