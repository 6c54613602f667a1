package io.erpcore.adapter.http;

/**
 * Sees each step's name as the step starts: for diagnostics and for tests that prove the chain's
 * order. Called on the request's thread; must be fast and must not throw.
 */
@FunctionalInterface
public interface StepObserver {

    /** Step {@code name} is about to run for {@code request}. */
    void starting(String name, ApiRequest request);

    /** Observes nothing: the default. */
    static StepObserver none() {
        return (name, request) -> { };
    }
}
