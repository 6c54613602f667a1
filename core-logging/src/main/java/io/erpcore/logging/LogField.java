package io.erpcore.logging;

/**
 * A context field of every log event. {@link #key()} is both the MDC key and the JSON field name,
 * so the backend's encoder reads exactly what {@link LogContext} wrote.
 */
public enum LogField {
    CORRELATION_ID("correlationId"),
    TENANT_ID("tenantId"),
    USER_ID("userId"),
    MODULE("module"),
    ACTION("action"),
    TRACE_ID("traceId");

    private final String key;

    LogField(String key) {
        this.key = key;
    }

    /** The MDC key and JSON field name, e.g. {@code correlationId}. */
    public String key() {
        return key;
    }
}
