package io.erpcore.persistence;

import io.erpcore.logging.ThrowingSupplier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs work again after a transient failure ({@link TransientFailures}), with exponential backoff
 * and full jitter, when the work is idempotent; otherwise the failure surfaces as a
 * {@link TransientDatabaseException}. A pool that timed out lending a connection
 * ({@link TransientFailures#isPoolTimeout}) is not asked again: its wait was the whole budget. Other
 * failures pass through untouched.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param baseDelay the backoff ceiling before the second attempt; it doubles per attempt
 * @param maxDelay the largest backoff ceiling
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits between attempts; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("'maxAttempts' must be at least 1 but was " + maxAttempts);
        }
    }

    /** Three attempts, backoff ceilings of 50 and 100 ms, at most 1 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1), delay -> Thread.sleep(delay.toMillis()));
    }

    /** Runs {@code work}, again after transient failures if {@code idempotent}. */
    public <T, E extends Exception> T run(boolean idempotent, ThrowingSupplier<T, E> work) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (Exception failure) {
                Optional<String> state = TransientFailures.transientState(failure);
                if (state.isEmpty()) {
                    throw RetryPolicy.<E>rethrow(failure);
                }
                if (!idempotent || attempt >= maxAttempts || TransientFailures.isPoolTimeout(failure)) {
                    throw new TransientDatabaseException(state.get(), attempt, failure);
                }
                pause(attempt, failure);
            }
        }
    }

    /** A random delay below {@code min(maxDelay, baseDelay * 2^(attempt-1))}. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void pause(int attempt, Exception failure) {
        try {
            sleeper.sleep(backoff(attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while waiting to retry", failure);
        }
    }

    // The work throws only E or unchecked exceptions, so the cast holds.
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Exception failure) {
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        return (E) failure;
    }
}
