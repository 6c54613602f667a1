package io.erpcore.tenancy.internal;

/**
 * How long an {@link ExpiringCache} keeps found values and misses, and how many of each.
 *
 * @param foundTtlNanos how long a found value is served, positive
 * @param missTtlNanos how long a miss is served, zero for not at all
 * @param maxFound how many found values are held at most, positive
 * @param maxMissing how many misses are held at most, positive
 */
public record CachePolicy(long foundTtlNanos, long missTtlNanos, int maxFound, int maxMissing) {

    /** Checks the bounds; callers validate user-facing settings with better messages first. */
    public CachePolicy {
        if (foundTtlNanos <= 0 || missTtlNanos < 0 || maxFound < 1 || maxMissing < 1) {
            throw new IllegalArgumentException("invalid cache policy " + foundTtlNanos + "/" + missTtlNanos
                    + "/" + maxFound + "/" + maxMissing);
        }
    }
}
