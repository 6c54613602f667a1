package io.erpcore.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a graceful stop ended.
 *
 * @param completed whether every stage finished within {@code SHUTDOWN_TIMEOUT_MS}
 * @param took how long the stop ran, up to the timeout when it did not complete
 * @param stillRunning when it did not complete, the stage that was still running, in words
 */
public record StopReport(boolean completed, Duration took, Optional<String> stillRunning) {

    public StopReport {
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(stillRunning, "stillRunning");
        if (completed == stillRunning.isPresent()) {
            throw new IllegalArgumentException("a stop that completed has nothing still running, and one that did not has");
        }
    }

    static StopReport completed(Duration took) {
        return new StopReport(true, took, Optional.empty());
    }

    static StopReport timedOut(Duration took, String stillRunning) {
        return new StopReport(false, took, Optional.of(stillRunning));
    }
}
