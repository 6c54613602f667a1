package io.erpcore.security;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fixed-window request limit: each bucket allows {@code capacity} requests, then refuses until
 * {@code window} has passed and the bucket is full again.
 *
 * @param name what the limit counts, lower-case words joined by {@code -}: {@code general},
 *     {@code tenant}, {@code login-account}, {@code login-ip}, {@code slow-down}
 * @param capacity requests allowed per window, at least 1
 * @param window how long until an emptied bucket refills, at least 1 s
 */
public record RateLimit(String name, int capacity, Duration window) {

    private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Duration MIN_WINDOW = Duration.ofSeconds(1);

    /** Refuses a name that is not lower-case words joined by {@code -}, a capacity below 1 and a window below 1 s. */
    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'name' must be lower-case letters in words joined by '-'"
                    + " (as in 'login-ip') but was '" + name + "'");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("'capacity' of rate limit '" + name + "' must be at least 1 but was " + capacity);
        }
        if (window.compareTo(MIN_WINDOW) < 0) {
            throw new IllegalArgumentException("'window' of rate limit '" + name + "' must be at least 1 s but was "
                    + window.toMillis() + " ms");
        }
    }

    /** At most {@code capacity} requests per {@code window} under {@code name}. */
    public static RateLimit of(String name, int capacity, Duration window) {
        return new RateLimit(name, capacity, window);
    }
}
