package io.erpcore.adapter.ratelimit;

import io.erpcore.config.RedisFailureMode;
import io.erpcore.config.RedisUrl;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.MetricNames;
import io.erpcore.metrics.Metrics;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.RateLimiterUnavailableException;
import io.github.bucket4j.distributed.BucketProxy;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link RateLimiter} whose buckets live in Redis, so every replica counts against the same
 * limits: bucket4j's compare-and-swap buckets over Lettuce, under keys
 * {@code erp:ratelimit:<name>:<capacity>:<windowMs>:<key>} that expire once the bucket would be
 * full again, so Redis holds only buckets in use.
 *
 * <p>Each check costs a round trip or two, and each command may block for at most half a second.
 * When Redis cannot answer, the check counts in {@code rate_limit_store_failures_total} and
 * {@code RATE_LIMIT_REDIS_FAILURE} decides: {@code open} logs a warning and allows the request
 * (reporting the full budget, since nothing was counted), {@code closed} throws
 * {@link RateLimiterUnavailableException}. Thread-safe.
 */
public final class Bucket4jRedisRateLimiter implements RateLimiter {

    /** The prefix of every key this limiter writes. */
    public static final String KEY_PREFIX = "erp:ratelimit:";

    private static final StructuredLogger LOG = StructuredLogger.forModule("ratelimit");
    // Long enough for Lettuce to reconnect after a blip; a longer outage is answered again then.
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final LettuceBucketStore store;
    private final RedisFailureMode failureMode;
    private final Metrics metrics;

    private Bucket4jRedisRateLimiter(LettuceBucketStore store, RedisFailureMode failureMode, Metrics metrics) {
        this.store = store;
        this.failureMode = failureMode;
        this.metrics = metrics;
    }

    /**
     * A limiter on the Redis at {@code url} ({@code REDIS_URL}) that treats an unreachable Redis as
     * {@code failureMode} says ({@code RATE_LIMIT_REDIS_FAILURE}) and counts failures in
     * {@code metrics}. It connects on first use, so Redis need not be up yet.
     */
    public static Bucket4jRedisRateLimiter create(RedisUrl url, RedisFailureMode failureMode, Metrics metrics) {
        return new Bucket4jRedisRateLimiter(LettuceBucketStore.of(Objects.requireNonNull(url, "url")),
                Objects.requireNonNull(failureMode, "failureMode"), Objects.requireNonNull(metrics, "metrics"));
    }

    @Override
    public RateLimitDecision tryConsume(String key, RateLimit limit) {
        try {
            return Bucket4jBuckets.decision(limit, bucket(key, limit).tryConsumeAndReturnRemaining(1));
        } catch (RedisException | io.github.bucket4j.TimeoutException failure) {
            return storeFailed(limit, failure);
        }
    }

    @Override
    public RateLimitDecision peek(String key, RateLimit limit) {
        try {
            return Bucket4jBuckets.peeked(limit, bucket(key, limit).asVerbose().getAvailableTokens());
        } catch (RedisException | io.github.bucket4j.TimeoutException failure) {
            return storeFailed(limit, failure);
        }
    }

    /** Closes the connection and shuts the Lettuce client down. */
    @Override
    public void close() {
        store.close();
    }

    /** The Redis key of the bucket of {@code limit} for {@code key}: a changed limit gets a fresh bucket. */
    static String redisKey(String key, RateLimit limit) {
        return KEY_PREFIX + limit.name() + ":" + limit.capacity() + ":" + limit.window().toMillis() + ":"
                + Objects.requireNonNull(key, "key");
    }

    private BucketProxy bucket(String key, RateLimit limit) {
        return store.buckets().builder().build(redisKey(key, limit), () -> Bucket4jBuckets.configuration(limit));
    }

    private RateLimitDecision storeFailed(RateLimit limit, RuntimeException failure) {
        metrics.counter(MetricNames.RATE_LIMIT_STORE_FAILURES_TOTAL, 1);
        if (failureMode == RedisFailureMode.CLOSED) {
            throw new RateLimiterUnavailableException(limit.name(), RETRY_AFTER, failure);
        }
        LOG.warn("Rate limit not checked, request allowed: Redis did not answer (RATE_LIMIT_REDIS_FAILURE=open)",
                Map.of("limit", limit.name(), "redis", store.url().toString(), "error", String.valueOf(failure)));
        return Bucket4jBuckets.untouched(limit);
    }
}
