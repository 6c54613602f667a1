package io.erpcore.security;

import java.time.Duration;
import java.util.Objects;

/**
 * The shared store behind a {@link RateLimiter} cannot be asked and {@code RATE_LIMIT_REDIS_FAILURE}
 * is {@code closed}: protection comes first, so the request is not served. The HTTP layer answers
 * 503 with {@code Retry-After}.
 */
public final class RateLimiterUnavailableException extends ErpSecurityException {

    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final Duration retryAfter;

    /** Rate limit {@code limitName} could not be checked because of {@code cause}; worth trying again after {@code retryAfter}. */
    public RateLimiterUnavailableException(String limitName, Duration retryAfter, Throwable cause) {
        super("Rate limit '" + limitName + "' cannot be checked: the shared rate-limit store is unavailable"
                + " and RATE_LIMIT_REDIS_FAILURE is closed", cause);
        this.limitName = Objects.requireNonNull(limitName, "limitName");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The name of the limit that could not be checked ({@code general}, {@code login-ip}, ...). */
    public String limitName() {
        return limitName;
    }

    /** When trying again makes sense. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
