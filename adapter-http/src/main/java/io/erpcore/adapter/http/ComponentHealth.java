package io.erpcore.adapter.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link HealthCheck} found.
 *
 * @param up whether the component can serve
 * @param details what {@code /health/detailed} shows about it: never a secret or a connection string
 */
public record ComponentHealth(boolean up, Map<String, Object> details) {

    /** Copies the details, keeping their order. */
    public ComponentHealth {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /** A healthy component. */
    public static ComponentHealth up(Map<String, Object> details) {
        return new ComponentHealth(true, details);
    }

    /** A component that cannot serve. */
    public static ComponentHealth down(Map<String, Object> details) {
        return new ComponentHealth(false, details);
    }
}
