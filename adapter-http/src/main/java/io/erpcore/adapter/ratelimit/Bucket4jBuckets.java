package io.erpcore.adapter.ratelimit;

import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import java.time.Duration;

/** Translations between the port's values and bucket4j's, shared by the local and the Redis limiter. */
final class Bucket4jBuckets {

    private Bucket4jBuckets() {
    }

    /**
     * The bandwidth of {@code limit}: intervally, not greedy, so the whole capacity comes back at
     * once when the window ends, as in a fixed window; a greedy refill would drip one request back
     * every {@code window / capacity}.
     */
    static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.window()).build();
    }

    /** The configuration of a bucket with {@code limit} as its only bandwidth. */
    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    /** The decision {@code probe} stands for, after one request was tried. */
    static RateLimitDecision decision(RateLimit limit, ConsumptionProbe probe) {
        Duration reset = Duration.ofNanos(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return RateLimitDecision.allowed(limit.capacity(), (int) probe.getRemainingTokens(), reset);
        }
        return RateLimitDecision.refused(limit.capacity(), Duration.ofNanos(probe.getNanosToWaitForRefill()), reset);
    }

    /** What a request would be told now, given a bucket's available tokens and its diagnostics. */
    static RateLimitDecision peeked(RateLimit limit, VerboseResult<Long> available) {
        long tokens = available.getValue();
        Duration reset = Duration.ofNanos(available.getDiagnostics().calculateFullRefillingTime());
        if (tokens >= 1) {
            return RateLimitDecision.allowed(limit.capacity(), (int) Math.min(tokens, limit.capacity()), reset);
        }
        // An intervally refilled bucket gets its first request back when it is full again.
        return RateLimitDecision.refused(limit.capacity(), reset, reset);
    }

    /** The decision for a bucket nobody has touched: the whole capacity, a whole window. */
    static RateLimitDecision untouched(RateLimit limit) {
        return RateLimitDecision.allowed(limit.capacity(), limit.capacity(), limit.window());
    }
}
