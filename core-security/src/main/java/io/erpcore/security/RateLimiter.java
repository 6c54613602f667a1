package io.erpcore.security;

/**
 * Counts requests against fixed-window {@link RateLimit}s, one bucket per limit and key (a client
 * IP, an IP and a tenant, an IP and an account).
 *
 * <p>Contract, which {@code RateLimiterContract} in this module's test-jar checks for every
 * implementation:
 * <ul>
 *   <li><b>Fixed window</b>, as express-rate-limit counts: a bucket nobody has touched is full.
 *       Each allowed {@link #tryConsume} takes one request from it; once {@code capacity} are taken,
 *       every further request is refused, with {@code remaining} 0 and a positive
 *       {@code retryAfter}, until {@code window} has passed and the bucket refills entirely (not
 *       one request at a time).
 *   <li><b>Buckets</b> belong to one limit and one key. Limits are told apart by name, capacity
 *       and window, so a limit that changes (a tenant's own {@code rateLimitMax}) starts a fresh
 *       bucket rather than inheriting the count of the old one. Different keys and different
 *       limits never share a budget.
 *   <li><b>Thread-safe</b>: concurrent calls never allow more than {@code capacity} requests per
 *       window for one bucket, and neither do several processes sharing one store.
 *   <li><b>Blocking</b>: an implementation over a network store may block for one round trip,
 *       bounded by a short timeout; call it on a thread that may block, never on an event loop.
 *       A local implementation never blocks.
 *   <li><b>Failures</b>: a refused request is a decision, never an exception. When a shared store
 *       cannot be asked, the implementation either answers allowed (failure mode {@code open})
 *       or throws {@link RateLimiterUnavailableException} (failure mode {@code closed}); it throws
 *       nothing else for a store failure.
 *   <li><b>Bounded</b>: an implementation never keeps an ever-growing set of buckets; a bucket it
 *       forgets must be one that would be full by now, or one evicted to keep its bound.
 *   <li>Arguments are never {@code null}; answers are never {@code null}.
 * </ul>
 */
public interface RateLimiter extends AutoCloseable {

    /** Takes one request from the bucket of {@code limit} for {@code key} and says whether it was allowed. */
    RateLimitDecision tryConsume(String key, RateLimit limit);

    /**
     * Says what {@link #tryConsume} would answer now, without taking anything: allowed while the
     * bucket holds at least one request. Login uses it to refuse before checking a password once
     * the failed-login budget is spent.
     */
    RateLimitDecision peek(String key, RateLimit limit);

    /** Releases connections and memory; the limiter must not be used afterwards. */
    @Override
    void close();
}
