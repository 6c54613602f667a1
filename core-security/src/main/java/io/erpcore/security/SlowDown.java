package io.erpcore.security;

import io.erpcore.config.RateLimitConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The progressive slow-down of express-slow-down: the first {@code delayAfter} requests of a
 * client in a window go through at once; request {@code delayAfter + k} waits {@code k * step},
 * at most {@code maxDelay}. It never refuses a request, it only delays it.
 *
 * <p>Counts in a {@link RateLimiter} under the limit {@code slow-down}, so with a shared store the
 * count is shared by every replica. The bucket holds {@code delayAfter + ceil(maxDelay / step)}
 * requests: once it is empty, every further request in the window gets the maximum delay anyway,
 * and nothing needs counting. Thread-safe.
 */
public final class SlowDown {

    /** The name of the limit the slow-down counts under. */
    public static final String LIMIT_NAME = "slow-down";

    private final RateLimiter limiter;
    private final RateLimit limit;
    private final int delayAfter;
    private final Duration step;
    private final Duration maxDelay;

    private SlowDown(RateLimiter limiter, RateLimit limit, int delayAfter, Duration step, Duration maxDelay) {
        this.limiter = limiter;
        this.limit = limit;
        this.delayAfter = delayAfter;
        this.step = step;
        this.maxDelay = maxDelay;
    }

    /**
     * The slow-down of {@code SPEED_LIMIT_DELAY_AFTER}, {@code SPEED_LIMIT_DELAY_MS} and
     * {@code SPEED_LIMIT_MAX_DELAY_MS} per {@code RATE_LIMIT_WINDOW_MS}, counted in {@code limiter}.
     */
    public static SlowDown of(RateLimitConfig config, RateLimiter limiter) {
        return of(config.slowDownAfter(), config.slowDownStep(), config.slowDownMax(), config.window(), limiter);
    }

    /**
     * A slow-down that lets {@code delayAfter} requests per {@code window} through undelayed, then
     * adds {@code step} per request up to {@code maxDelay}. A zero step or maximum means no delay,
     * and then nothing is counted.
     */
    public static SlowDown of(int delayAfter, Duration step, Duration maxDelay, Duration window, RateLimiter limiter) {
        Objects.requireNonNull(limiter, "limiter");
        if (delayAfter < 1) {
            throw new IllegalArgumentException("'delayAfter' must be at least 1 but was " + delayAfter);
        }
        if (step.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("'step' and 'maxDelay' must not be negative but were "
                    + step.toMillis() + " ms and " + maxDelay.toMillis() + " ms");
        }
        if (step.isZero() || maxDelay.isZero()) {
            return new SlowDown(limiter, null, delayAfter, step, Duration.ZERO);
        }
        long steps = ceilDivide(maxDelay.toNanos(), step.toNanos());
        long capacity = delayAfter + steps;
        if (capacity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'maxDelay' / 'step' must stay below " + (Integer.MAX_VALUE - delayAfter)
                    + " steps but " + maxDelay.toMillis() + " ms / " + step.toMillis() + " ms is " + steps);
        }
        return new SlowDown(limiter, RateLimit.of(LIMIT_NAME, (int) capacity, window), delayAfter, step, maxDelay);
    }

    /** Counts one request of {@code clientKey} and says how long to hold it before serving it. */
    public Duration delayFor(String clientKey) {
        if (limit == null) {
            return Duration.ZERO;
        }
        RateLimitDecision decision = limiter.tryConsume(clientKey, limit);
        if (!decision.allowed()) {
            return maxDelay;
        }
        return delayOf(decision.limit() - decision.remaining());
    }

    /**
     * The delay of the {@code requestNumber}-th request (from 1) of a client in a window, for a caller
     * that counts the client's requests already (the HTTP chain reads the count off the general
     * limit, which sees the same requests in the same window, and saves a second bucket).
     */
    public Duration delayOf(long requestNumber) {
        long over = requestNumber - delayAfter;
        if (over <= 0 || limit == null) {
            return Duration.ZERO;
        }
        Duration delay = step.multipliedBy(over);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static long ceilDivide(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
