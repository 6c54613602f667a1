package io.erpcore.adapter.http;

/**
 * One component's health, for {@code /health/ready} and {@code /health/detailed}. Contract: never
 * throws (a failure is a {@link ComponentHealth#down} answer) and may block: the application calls
 * it on a thread of its own every {@code HEALTH_CHECK_INTERVAL_MS}, counts it DOWN when it has not
 * answered within {@code HEALTH_CHECK_TIMEOUT_MS}, and does not call it again until the call in
 * progress returns. Probes never call it. A check that is also {@link AutoCloseable} is closed when
 * the application stops.
 */
@FunctionalInterface
public interface HealthCheck {

    /** Checks the component now, on the calling thread. */
    ComponentHealth check();
}
