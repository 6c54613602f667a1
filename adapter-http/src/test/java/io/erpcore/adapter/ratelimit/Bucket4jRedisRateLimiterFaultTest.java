package io.erpcore.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.RedisFailureMode;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.MeterId;
import io.erpcore.metrics.MetricNames;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.security.RateLimiterUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replicas sharing one Redis, and Redis going away, on a {@link PrivateRedisServer} each test
 * starts for itself.
 */
class Bucket4jRedisRateLimiterFaultTest {

    private static final RateLimit FIVE = RateLimit.of("general", 5, Duration.ofMinutes(15));
    private static final String CLIENT = "203.0.113.7";
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(20);

    private final InMemoryMetricsSink sink = InMemoryMetricsSink.create();
    private final List<Bucket4jRedisRateLimiter> limiters = new ArrayList<>();
    private PrivateRedisServer redis;

    @BeforeEach
    void startRedis() {
        redis = PrivateRedisServer.start();
    }

    @AfterEach
    void stopEverything() {
        limiters.forEach(Bucket4jRedisRateLimiter::close);
        redis.close();
    }

    @Test
    void two_replicas_on_one_redis_share_one_limit() {
        Bucket4jRedisRateLimiter first = limiter(RedisFailureMode.CLOSED);
        Bucket4jRedisRateLimiter second = limiter(RedisFailureMode.CLOSED);
        for (int i = 0; i < FIVE.capacity(); i++) {
            Bucket4jRedisRateLimiter replica = i % 2 == 0 ? first : second;
            assertThat(replica.tryConsume(CLIENT, FIVE).allowed()).as("request %d", i + 1).isTrue();
        }

        assertThat(second.tryConsume(CLIENT, FIVE).allowed()).isFalse();
        assertThat(first.tryConsume(CLIENT, FIVE).allowed()).isFalse();
    }

    @Test
    void failing_open_allows_the_request_while_redis_is_down() {
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.OPEN);
        limiter.tryConsume(CLIENT, FIVE);

        redis.stop();

        assertThat(limiter.tryConsume(CLIENT, FIVE).allowed()).isTrue();
    }

    @Test
    void failing_open_counts_each_check_redis_could_not_answer() {
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.OPEN);
        limiter.tryConsume(CLIENT, FIVE);
        redis.stop();

        limiter.tryConsume(CLIENT, FIVE);
        limiter.peek(CLIENT, FIVE);

        assertThat(storeFailures()).isEqualTo(2);
    }

    @Test
    void failing_closed_refuses_to_guess_while_redis_is_down() {
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.CLOSED);
        limiter.tryConsume(CLIENT, FIVE);

        redis.stop();

        assertThatThrownBy(() -> limiter.tryConsume(CLIENT, FIVE))
                .isInstanceOf(RateLimiterUnavailableException.class)
                .hasMessage("Rate limit 'general' cannot be checked: the shared rate-limit store is unavailable"
                        + " and RATE_LIMIT_REDIS_FAILURE is closed")
                .satisfies(failure -> assertThat(((RateLimiterUnavailableException) failure).retryAfter()).isPositive());
        assertThat(storeFailures()).isEqualTo(1);
    }

    @Test
    void failing_closed_also_refuses_to_peek_while_redis_is_down() {
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.CLOSED);
        limiter.tryConsume(CLIENT, FIVE);

        redis.stop();

        assertThatThrownBy(() -> limiter.peek(CLIENT, FIVE)).isInstanceOf(RateLimiterUnavailableException.class);
    }

    // The timeout guards against a hang, which is the failure this test is about; it measures no speed.
    @Test
    @Timeout(10)
    void a_redis_that_stops_answering_fails_the_check_instead_of_hanging() {
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.CLOSED);
        limiter.tryConsume(CLIENT, FIVE);

        redis.freeze();

        assertThatThrownBy(() -> limiter.tryConsume(CLIENT, FIVE)).isInstanceOf(RateLimiterUnavailableException.class);
    }

    @Test
    void limits_work_again_once_redis_is_back() throws InterruptedException {
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.CLOSED);
        limiter.tryConsume(CLIENT, FIVE);
        redis.stop();

        redis.restart();

        // Redis restarted empty, so the bucket starts full again: one request taken, four left.
        assertThat(firstAnswer(limiter).remaining()).isEqualTo(FIVE.capacity() - 1);
    }

    @Test
    void a_limiter_made_while_redis_is_down_connects_once_redis_is_up() throws InterruptedException {
        redis.stop();
        Bucket4jRedisRateLimiter limiter = limiter(RedisFailureMode.CLOSED);
        assertThatThrownBy(() -> limiter.tryConsume(CLIENT, FIVE)).isInstanceOf(RateLimiterUnavailableException.class);

        redis.restart();

        assertThat(firstAnswer(limiter).allowed()).isTrue();
    }

    /** The first decision the limiter gives once Redis answers it again; Lettuce reconnects in the background. */
    private static RateLimitDecision firstAnswer(Bucket4jRedisRateLimiter limiter) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        while (true) {
            try {
                return limiter.tryConsume(CLIENT, FIVE);
            } catch (RateLimiterUnavailableException stillDown) {
                if (System.nanoTime() > deadline) {
                    throw stillDown;
                }
                Thread.sleep(100);
            }
        }
    }

    private Bucket4jRedisRateLimiter limiter(RedisFailureMode failureMode) {
        Bucket4jRedisRateLimiter limiter = Bucket4jRedisRateLimiter.create(redis.url(), failureMode,
                Metrics.create(sink, TenantLabelPolicy.capped(100)));
        limiters.add(limiter);
        return limiter;
    }

    private double storeFailures() {
        return sink.counterValue(MeterId.of(MetricNames.RATE_LIMIT_STORE_FAILURES_TOTAL));
    }
}
