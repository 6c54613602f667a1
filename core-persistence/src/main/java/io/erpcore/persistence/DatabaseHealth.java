package io.erpcore.persistence;

import java.time.Duration;
import java.util.Optional;

/**
 * The answer of a database probe: whether a trivial query came back within the probe's timeout,
 * how long it took, the state of the pool, and what went wrong if it did not.
 */
public record DatabaseHealth(boolean up, Duration latency, PoolState pool, Optional<String> problem) {

    /** Connections of the pool: in use, idle, total, and requests waiting for one. */
    public record PoolState(int active, int idle, int total, int waiting) {
    }

    public static DatabaseHealth up(Duration latency, PoolState pool) {
        return new DatabaseHealth(true, latency, pool, Optional.empty());
    }

    public static DatabaseHealth down(Duration latency, PoolState pool, String problem) {
        return new DatabaseHealth(false, latency, pool, Optional.of(problem));
    }
}
