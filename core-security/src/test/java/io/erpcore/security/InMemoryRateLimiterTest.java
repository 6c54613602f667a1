package io.erpcore.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The contract for the in-memory fake, on a clock the test moves, so no test waits for a window. */
class InMemoryRateLimiterTest extends RateLimiterContract {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    protected RateLimiter newLimiter() {
        return InMemoryRateLimiter.withClock(nanos::get);
    }

    @Override
    protected void letPass(Duration window) {
        nanos.addAndGet(window.toNanos());
    }
}
