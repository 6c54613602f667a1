package io.erpcore.config;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Health-check scheduling and the bounds of a graceful shutdown. */
public record LifecycleConfig(
        @Variable("HEALTH_CHECK_INTERVAL_MS") @DurationMin(millis = 100) Duration healthCheckInterval,
        @Variable("HEALTH_CHECK_TIMEOUT_MS") @DurationMin(millis = 10) Duration healthCheckTimeout,
        @Variable("SHUTDOWN_DRAIN_DELAY_MS") Duration drainDelay,
        @Variable("SHUTDOWN_TIMEOUT_MS") @DurationMin(seconds = 1) Duration shutdownTimeout) {

    @Variable(value = "HEALTH_CHECK_TIMEOUT_MS", reads = "HEALTH_CHECK_INTERVAL_MS")
    @AssertTrue(message = "must not exceed HEALTH_CHECK_INTERVAL_MS, or checks would overlap")
    public boolean isCheckTimeoutWithinInterval() {
        return healthCheckTimeout.compareTo(healthCheckInterval) <= 0;
    }

    @Variable(value = "SHUTDOWN_DRAIN_DELAY_MS", reads = "SHUTDOWN_TIMEOUT_MS")
    @AssertTrue(message = "must be shorter than SHUTDOWN_TIMEOUT_MS, which bounds the whole stop")
    public boolean isDrainWithinShutdown() {
        return drainDelay.compareTo(shutdownTimeout) < 0;
    }
}
