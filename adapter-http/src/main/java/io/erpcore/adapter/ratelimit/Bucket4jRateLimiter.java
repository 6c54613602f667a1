package io.erpcore.adapter.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.security.RateLimiter;
import io.github.bucket4j.Bucket;
import java.util.Objects;

/**
 * A {@link RateLimiter} for one process: bucket4j buckets in a Caffeine map that holds at most
 * {@code maxKeys} buckets and forgets a bucket nobody used for a whole window (it would be full
 * again by then, the same as a new one). Under a flood of distinct clients the map evicts by
 * frequency and recency (W-TinyLFU), so clients that keep coming keep their counts while one-off
 * addresses churn. The bound counts buckets of every limit together, and an API client holds
 * three or four of them (general, slow-down, tenant). Thread-safe; never blocks on I/O.
 */
public final class Bucket4jRateLimiter implements RateLimiter {

    /** The bound of {@link #local()}: 100,000 buckets, about 50 MB of heap when full (some 500 bytes each). */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final Cache<BucketKey, Bucket> buckets;

    private Bucket4jRateLimiter(Cache<BucketKey, Bucket> buckets) {
        this.buckets = buckets;
    }

    /** A local limiter that tracks at most {@value #DEFAULT_MAX_KEYS} buckets. */
    public static Bucket4jRateLimiter local() {
        return local(DEFAULT_MAX_KEYS);
    }

    /** A local limiter that tracks at most {@code maxKeys} buckets. */
    public static Bucket4jRateLimiter local(int maxKeys) {
        return local(maxKeys, Ticker.systemTicker());
    }

    // Tests pass a ticker they control, to see buckets expire without waiting for a window.
    static Bucket4jRateLimiter local(int maxKeys, Ticker ticker) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("'maxKeys' must be at least 1 but was " + maxKeys);
        }
        return new Bucket4jRateLimiter(Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfter(Expiry.accessing((BucketKey key, Bucket bucket) -> key.limit().window()))
                .ticker(ticker)
                // Maintenance (eviction, expiry) runs on the calling thread, amortised: handing it to the
                // common pool woke another thread every few requests, which costs more on a small machine.
                .executor(Runnable::run)
                .build());
    }

    @Override
    public RateLimitDecision tryConsume(String key, RateLimit limit) {
        Bucket bucket = buckets.get(new BucketKey(limit, key),
                bucketKey -> Bucket.builder().addLimit(Bucket4jBuckets.bandwidth(bucketKey.limit())).build());
        return Bucket4jBuckets.decision(limit, bucket.tryConsumeAndReturnRemaining(1));
    }

    /** Creates no bucket: an untouched key reports the full budget without costing memory. */
    @Override
    public RateLimitDecision peek(String key, RateLimit limit) {
        Bucket bucket = buckets.getIfPresent(new BucketKey(limit, key));
        if (bucket == null) {
            return Bucket4jBuckets.untouched(limit);
        }
        return Bucket4jBuckets.peeked(limit, bucket.asVerbose().getAvailableTokens());
    }

    /** How many buckets the map holds right now, after pending evictions have run. */
    public long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    @Override
    public void close() {
        buckets.invalidateAll();
        buckets.cleanUp();
    }

    /** One bucket per limit (name, capacity and window) and key, as the port promises. */
    private record BucketKey(RateLimit limit, String key) {
        BucketKey {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(key, "key");
        }
    }
}
