package io.erpcore.persistence;

import java.time.Duration;
import java.util.Optional;

/**
 * The answer of a database probe: whether a trivial query came back within the probe's timeout,
 * how long it took, the state of the pool, what went wrong if it did not, and the version of the
 * newest migration that succeeded, when the probe could read it.
 */
public record DatabaseHealth(boolean up, Duration latency, PoolState pool, Optional<String> problem,
        Optional<String> schemaVersion) {

    /** Connections of the pool: in use, idle, total, and requests waiting for one. */
    public record PoolState(int active, int idle, int total, int waiting) {
    }

    /** A database that answered, at {@code schemaVersion} if known. */
    public static DatabaseHealth up(Duration latency, PoolState pool, Optional<String> schemaVersion) {
        return new DatabaseHealth(true, latency, pool, Optional.empty(), schemaVersion);
    }

    /** A database that did not answer, and why. */
    public static DatabaseHealth down(Duration latency, PoolState pool, String problem) {
        return new DatabaseHealth(false, latency, pool, Optional.of(problem), Optional.empty());
    }
}
