/**
 * Rate limits with bucket4j: {@link io.erpcore.adapter.ratelimit.Bucket4jRateLimiter} keeps the
 * buckets of one process in a bounded, expiring Caffeine map;
 * {@link io.erpcore.adapter.ratelimit.Bucket4jRedisRateLimiter} keeps them in Redis through
 * Lettuce, so every replica counts against the same limits. Both implement the
 * {@code RateLimiter} port of {@code core-security} with fixed windows: a bucket refills entirely
 * once its window has passed.
 */
package io.erpcore.adapter.ratelimit;
