package io.erpcore.adapter.http;

/**
 * One component's health, for {@code /health/ready} and {@code /health/detailed}. Contract: answers
 * within its own timeout and never throws; a failure is a {@link ComponentHealth#down} answer.
 */
@FunctionalInterface
public interface HealthCheck {

    /** Checks the component now. */
    ComponentHealth check();
}
