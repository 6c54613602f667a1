package io.erpcore.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} in a plain map, on a clock the test may control, for the tests of code that
 * uses rate limits. It keeps every bucket it ever made: fine for a test, never for production,
 * where the bucket4j adapters bound their memory.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final LongSupplier nanoClock;
    private final Map<Bucket, Window> windows = new HashMap<>();

    private InMemoryRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A limiter on the system clock. */
    public static InMemoryRateLimiter create() {
        return new InMemoryRateLimiter(System::nanoTime);
    }

    /** A limiter whose windows pass when {@code nanoClock} says so. */
    public static InMemoryRateLimiter withClock(LongSupplier nanoClock) {
        return new InMemoryRateLimiter(Objects.requireNonNull(nanoClock, "nanoClock"));
    }

    @Override
    public synchronized RateLimitDecision tryConsume(String key, RateLimit limit) {
        long now = nanoClock.getAsLong();
        Window window = windows.computeIfAbsent(new Bucket(limit, Objects.requireNonNull(key, "key")), bucket -> new Window(now));
        window.roll(now, limit.window().toNanos());
        if (window.used >= limit.capacity()) {
            return refused(limit, window.untilRefill(now, limit));
        }
        window.used++;
        return RateLimitDecision.allowed(limit.capacity(), limit.capacity() - window.used, window.untilRefill(now, limit));
    }

    @Override
    public synchronized RateLimitDecision peek(String key, RateLimit limit) {
        long now = nanoClock.getAsLong();
        Window window = windows.get(new Bucket(limit, Objects.requireNonNull(key, "key")));
        if (window == null) {
            return RateLimitDecision.allowed(limit.capacity(), limit.capacity(), limit.window());
        }
        window.roll(now, limit.window().toNanos());
        Duration reset = window.untilRefill(now, limit);
        return window.used >= limit.capacity() ? refused(limit, reset)
                : RateLimitDecision.allowed(limit.capacity(), limit.capacity() - window.used, reset);
    }

    @Override
    public synchronized void close() {
        windows.clear();
    }

    private static RateLimitDecision refused(RateLimit limit, Duration untilRefill) {
        return RateLimitDecision.refused(limit.capacity(), untilRefill, untilRefill);
    }

    private record Bucket(RateLimit limit, String key) {
    }

    /** The current window of one bucket: when it started and how much of it is used. */
    private static final class Window {
        private long start;
        private int used;

        Window(long start) {
            this.start = start;
        }

        void roll(long now, long windowNanos) {
            if (now - start >= windowNanos) {
                start += (now - start) / windowNanos * windowNanos;
                used = 0;
            }
        }

        Duration untilRefill(long now, RateLimit limit) {
            return Duration.ofNanos(start + limit.window().toNanos() - now);
        }
    }
}
