package io.erpcore.adapter.ratelimit;

import io.erpcore.config.AppConfig;
import io.erpcore.metrics.Metrics;
import io.erpcore.security.RateLimiter;

/** The rate limiter a configuration asks for. */
public final class RateLimiters {

    private RateLimiters() {
    }

    /**
     * Buckets in Redis when {@code REDIS_URL} is set, so replicas share one limit, failing as
     * {@code RATE_LIMIT_REDIS_FAILURE} says; else in a bounded map in this process. The caller
     * closes it.
     */
    public static RateLimiter forConfig(AppConfig config, Metrics metrics) {
        return config.redisConfig().url()
                .<RateLimiter>map(url -> Bucket4jRedisRateLimiter.create(url, config.rateLimitConfig().redisFailureMode(), metrics))
                .orElseGet(Bucket4jRateLimiter::local);
    }
}
