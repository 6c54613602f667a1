package io.erpcore.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.RateLimiterContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The contract for local buckets, then the bounds of their map. */
class Bucket4jRateLimiterTest extends RateLimiterContract {

    private static final RateLimit GENERAL = RateLimit.of("general", 100, Duration.ofMinutes(15));

    @Override
    protected RateLimiter newLimiter() {
        return Bucket4jRateLimiter.local();
    }

    @Test
    void a_flood_of_distinct_clients_never_grows_the_map_beyond_its_cap() {
        try (Bucket4jRateLimiter limiter = Bucket4jRateLimiter.local()) {
            long mostTracked = 0;
            for (int client = 0; client < 150_000; client++) {
                limiter.tryConsume(ipv4(client), GENERAL);
                if (client % 10_000 == 0) {
                    mostTracked = Math.max(mostTracked, limiter.trackedKeys());
                }
            }
            mostTracked = Math.max(mostTracked, limiter.trackedKeys());

            assertThat(mostTracked).isLessThanOrEqualTo(Bucket4jRateLimiter.DEFAULT_MAX_KEYS);
        }
    }

    @Test
    void a_client_that_keeps_coming_keeps_its_count_through_a_flood() {
        try (Bucket4jRateLimiter limiter = Bucket4jRateLimiter.local(1_000)) {
            for (int client = 0; client < 20_000; client++) {
                limiter.tryConsume("regular", GENERAL);
                limiter.tryConsume(ipv4(client), GENERAL);
            }

            assertThat(limiter.peek("regular", GENERAL).allowed()).isFalse();
        }
    }

    @Test
    void peeking_creates_no_bucket() {
        try (Bucket4jRateLimiter limiter = Bucket4jRateLimiter.local()) {
            for (int client = 0; client < 1_000; client++) {
                limiter.peek(ipv4(client), GENERAL);
            }

            assertThat(limiter.trackedKeys()).isZero();
        }
    }

    @Test
    void forgets_a_bucket_nobody_used_for_a_whole_window() {
        AtomicLong nanos = new AtomicLong();
        try (Bucket4jRateLimiter limiter = Bucket4jRateLimiter.local(1_000, nanos::get)) {
            limiter.tryConsume("198.51.100.1", GENERAL);

            nanos.addAndGet(GENERAL.window().plusSeconds(2).toNanos());

            assertThat(limiter.trackedKeys()).isZero();
        }
    }

    @Test
    void keeps_a_bucket_that_is_used_within_each_window() {
        AtomicLong nanos = new AtomicLong();
        try (Bucket4jRateLimiter limiter = Bucket4jRateLimiter.local(1_000, nanos::get)) {
            for (int window = 0; window < 3; window++) {
                limiter.tryConsume("198.51.100.1", GENERAL);
                nanos.addAndGet(GENERAL.window().minusSeconds(5).toNanos());
            }

            assertThat(limiter.trackedKeys()).isEqualTo(1);
        }
    }

    @Test
    void refuses_a_cap_below_one() {
        assertThatThrownBy(() -> Bucket4jRateLimiter.local(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'maxKeys' must be at least 1 but was 0");
    }

    private static String ipv4(int n) {
        return "10." + (n >>> 16 & 0xff) + "." + (n >>> 8 & 0xff) + "." + (n & 0xff);
    }
}
