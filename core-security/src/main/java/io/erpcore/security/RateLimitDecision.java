package io.erpcore.security;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link RateLimiter}'s answer for one request, with what the {@code RateLimit-*} and
 * {@code Retry-After} headers report.
 *
 * @param allowed whether the request may be served
 * @param limit the capacity of the limit, for {@code RateLimit-Limit}
 * @param remaining requests left in the current window, 0 when refused, for {@code RateLimit-Remaining}
 * @param reset how long until the bucket is full again, for {@code RateLimit-Reset}
 * @param retryAfter how long until a request would be allowed again; zero when allowed
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, Duration reset, Duration retryAfter) {

    /** Refuses a limit below 1, a remaining count outside 0 to limit, negative durations, and inconsistent answers. */
    public RateLimitDecision {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (limit < 1) {
            throw new IllegalArgumentException("'limit' must be at least 1 but was " + limit);
        }
        if (remaining < 0 || remaining > limit) {
            throw new IllegalArgumentException("'remaining' must be between 0 and " + limit + " but was " + remaining);
        }
        if (reset.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("'reset' and 'retryAfter' must not be negative but were "
                    + reset + " and " + retryAfter);
        }
        if (allowed && !retryAfter.isZero()) {
            throw new IllegalArgumentException("'retryAfter' must be zero for an allowed request but was " + retryAfter);
        }
        if (!allowed && remaining != 0) {
            throw new IllegalArgumentException("'remaining' must be 0 for a refused request but was " + remaining);
        }
    }

    /** The request may be served; {@code remaining} more may follow before {@code reset}. */
    public static RateLimitDecision allowed(int limit, int remaining, Duration reset) {
        return new RateLimitDecision(true, limit, remaining, reset, Duration.ZERO);
    }

    /** The request is refused until {@code retryAfter}; the bucket is full again after {@code reset}. */
    public static RateLimitDecision refused(int limit, Duration retryAfter, Duration reset) {
        return new RateLimitDecision(false, limit, 0, reset, retryAfter);
    }

    /** {@link #reset()} in whole seconds, rounded up, as {@code RateLimit-Reset} sends it. */
    public long resetSeconds() {
        return ceilSeconds(reset);
    }

    /**
     * {@link #retryAfter()} in whole seconds, rounded up, as {@code Retry-After} sends it: 0 when
     * allowed, at least 1 when refused, since "retry after 0 seconds" would invite an immediate retry.
     */
    public long retryAfterSeconds() {
        return allowed ? 0 : Math.max(1, ceilSeconds(retryAfter));
    }

    private static long ceilSeconds(Duration duration) {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }
}
