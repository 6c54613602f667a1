package io.erpcore.adapter.http;

import java.util.Objects;

/**
 * A step with the name the chain reports it by ({@code correlation-id}, {@code authentication}).
 *
 * @param name lower-case words joined by '-'
 * @param step what it does
 */
public record NamedStep(String name, RequestStep step) {

    /** Refuses a name that is not lower-case words joined by '-'. */
    public NamedStep {
        Objects.requireNonNull(step, "step");
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a step's name must be lower-case words joined by '-' but was '" + name + "'");
        }
    }
}
