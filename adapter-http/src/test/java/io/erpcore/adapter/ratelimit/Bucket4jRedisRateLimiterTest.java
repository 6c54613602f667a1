package io.erpcore.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.RedisFailureMode;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.RateLimiterContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The contract against a real Redis ({@link RedisFixture}), then what lands in Redis. The limiter
 * fails closed here, so a Redis failure shows up as an error instead of an allowed request that
 * would pass some tests by accident.
 */
class Bucket4jRedisRateLimiterTest extends RateLimiterContract {

    // Asked per test, not in @BeforeAll: a class skipped there is reported as no tests at all, not as skipped ones.
    @Override
    protected RateLimiter newLimiter() {
        return Bucket4jRedisRateLimiter.create(RedisFixture.sharedServer(), RedisFailureMode.CLOSED,
                Metrics.create(InMemoryMetricsSink.create(), TenantLabelPolicy.capped(100)));
    }

    @Test
    void a_bucket_lives_under_the_erp_prefix_until_it_would_be_full_again() {
        RateLimit limit = RateLimit.of("general", 3, Duration.ofMinutes(15));
        String client = "203.0.113.9-" + UUID.randomUUID();
        try (RateLimiter limiter = newLimiter()) {
            limiter.tryConsume(client, limit);
        }

        long ttlMillis = withRedis(connection -> connection.sync().pttl("erp:ratelimit:general:3:900000:" + client));

        assertThat(ttlMillis).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15).plusSeconds(1).toMillis());
    }

    private static long withRedis(ToLongFunction<StatefulRedisConnection<String, String>> command) {
        RedisClient client = RedisClient.create(LettuceBucketStore.uri(RedisFixture.sharedServer()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.applyAsLong(connection);
        } finally {
            client.shutdown();
        }
    }
}
