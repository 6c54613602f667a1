package io.erpcore.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.CallerBoundaryAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The specification's logger over SLF4J 2's fluent API: every call is one event whose context map
 * becomes key-value pairs, after the logger's {@link Redactor} has masked it.
 *
 * <p>Key-values come in this order: {@code module} (for a module logger), then the call's own keys
 * ({@code category}, {@code severity}, ...), then the context entries in the map's order; a
 * context entry whose key is already there is dropped. The request's fields (correlation id,
 * tenant, user) are not repeated here: they travel in the MDC, see {@link LogContext}.
 *
 * <p>A call at a disabled level returns before it touches the context map, so a disabled
 * {@code debug} costs a level check. Immutable and thread-safe.
 */
public final class StructuredLogger {

    /**
     * The logger every {@link #http} line goes to, whichever module writes it: a backend switches
     * request lines on and off by this logger's level.
     */
    public static final String REQUEST_LINES = "erp.requests";

    private static final String BOUNDARY = StructuredLogger.class.getName();
    private static final KeyValuePair[] NONE = {};
    private static final Logger REQUESTS = LoggerFactory.getLogger(REQUEST_LINES);

    private final Logger logger;
    private final String module;
    private final Redactor redactor;

    private StructuredLogger(Logger logger, String module, Redactor redactor) {
        this.logger = logger;
        this.module = module;
        this.redactor = redactor;
    }

    /** A logger named {@code erp.<module>} whose events carry {@code module=<module>}. */
    public static StructuredLogger forModule(String module) {
        return new StructuredLogger(moduleLogger(module), module, Redactor.defaults());
    }

    /** A logger named after {@code type}, without a module, masking with {@link Redactor#defaults()}. */
    public static StructuredLogger of(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return new StructuredLogger(LoggerFactory.getLogger(type), null, Redactor.defaults());
    }

    /** A logger for {@code module} with this logger's redactor (the seed's {@code createModuleLogger}). */
    public StructuredLogger child(String module) {
        return new StructuredLogger(moduleLogger(module), module, redactor);
    }

    /** This logger, masking context maps with {@code redactor} instead. */
    public StructuredLogger withRedactor(Redactor redactor) {
        return new StructuredLogger(logger, module, Objects.requireNonNull(redactor, "redactor"));
    }

    public void error(String message) {
        emit(Level.ERROR, null, message, null, null, NONE);
    }

    public void error(String message, Throwable error) {
        emit(Level.ERROR, null, message, error, null, NONE);
    }

    public void error(String message, Throwable error, Map<String, ?> context) {
        emit(Level.ERROR, null, message, error, context, NONE);
    }

    public void error(String message, Map<String, ?> context) {
        emit(Level.ERROR, null, message, null, context, NONE);
    }

    public void warn(String message) {
        emit(Level.WARN, null, message, null, null, NONE);
    }

    public void warn(String message, Map<String, ?> context) {
        emit(Level.WARN, null, message, null, context, NONE);
    }

    public void warn(String message, Throwable error, Map<String, ?> context) {
        emit(Level.WARN, null, message, error, context, NONE);
    }

    public void info(String message) {
        emit(Level.INFO, null, message, null, null, NONE);
    }

    public void info(String message, Map<String, ?> context) {
        emit(Level.INFO, null, message, null, context, NONE);
    }

    public void debug(String message) {
        emit(Level.DEBUG, null, message, null, null, NONE);
    }

    public void debug(String message, Map<String, ?> context) {
        emit(Level.DEBUG, null, message, null, context, NONE);
    }

    /**
     * Whether {@link #http} lines are written: the one-line-per-request caller checks it first, so
     * that a server whose request log is off builds no line at all.
     */
    public boolean isHttpEnabled() {
        return REQUESTS.isInfoEnabled();
    }

    /**
     * The one line per HTTP request: INFO with the {@link LogMarkers#HTTP} marker, on the
     * {@value #REQUEST_LINES} logger (the line still names this logger's module).
     */
    public void http(String message, Map<String, ?> context) {
        emit(REQUESTS, Level.INFO, LogMarkers.HTTP, message, null, context, NONE);
    }

    /** A security event with the {@link LogMarkers#SECURITY} marker, at WARN or ERROR by severity. */
    public void security(String message, SecuritySeverity severity, Map<String, ?> context) {
        Level level = switch (Objects.requireNonNull(severity, "severity")) {
            case LOW, MEDIUM -> Level.WARN;
            case HIGH, CRITICAL -> Level.ERROR;
        };
        emit(level, LogMarkers.SECURITY, message, null, context, pair("category", "security"),
                pair("severity", severity.name().toLowerCase(Locale.ROOT)));
    }

    /** An audit record at INFO with the {@link LogMarkers#AUDIT} marker: {@code action} done to {@code resource}. */
    public void audit(String message, String action, String resource, Map<String, ?> context) {
        emit(Level.INFO, LogMarkers.AUDIT, message, null, context, pair("category", "audit"),
                pair(LogField.ACTION.key(), action), pair("resource", resource));
    }

    /** A business event at INFO with the {@link LogMarkers#BUSINESS} marker. */
    public void business(String message, String event, Map<String, ?> context) {
        emit(Level.INFO, LogMarkers.BUSINESS, message, null, context,
                pair("category", "business"), pair("event", event));
    }

    /**
     * Runs {@code work} and logs how long it took: {@code "<name> completed"} at DEBUG, or
     * {@code "<name> failed"} at WARN with the exception, which is then rethrown unchanged.
     * Key-values: {@code operation}, {@code durationMs} (a double, microsecond precision) and
     * {@code outcome} ({@code success} or {@code failure}).
     */
    public <T, E extends Exception> T profile(String name, ThrowingSupplier<T, E> work) throws E {
        Objects.requireNonNull(work, "work");
        long start = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            finished(name, start, failure);
            throw failure;
        }
        finished(name, start, null);
        return result;
    }

    /** Runs {@code work} and logs how long it took, as {@link #profile(String, ThrowingSupplier)} does. */
    public <E extends Exception> void profile(String name, ThrowingRunnable<E> work) throws E {
        Objects.requireNonNull(work, "work");
        this.<Void, E>profile(name, () -> {
            work.run();
            return null;
        });
    }

    private void finished(String name, long startNanos, Throwable failure) {
        Level level = failure == null ? Level.DEBUG : Level.WARN;
        if (logger.isEnabledForLevel(level)) {
            double durationMs = Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
            emit(level, null, name + (failure == null ? " completed" : " failed"), failure, null,
                    pair("operation", name), pair("durationMs", durationMs),
                    pair("outcome", failure == null ? "success" : "failure"));
        }
    }

    private void emit(Level level, Marker marker, String message, Throwable error, Map<String, ?> context,
            KeyValuePair... pairs) {
        emit(logger, level, marker, message, error, context, pairs);
    }

    private void emit(Logger target, Level level, Marker marker, String message, Throwable error,
            Map<String, ?> context, KeyValuePair... pairs) {
        // First, so that a disabled level neither builds an event nor reads the context.
        if (!target.isEnabledForLevel(level)) {
            return;
        }
        LoggingEventBuilder event = target.atLevel(level).setMessage(message).setCause(error);
        if (event instanceof CallerBoundaryAware aware) {
            // Caller data then points at the code that called us, not at this class.
            aware.setCallerBoundary(BOUNDARY);
        }
        if (marker != null) {
            event.addMarker(marker);
        }
        addKeyValues(event, pairs, context);
        event.log();
    }

    private void addKeyValues(LoggingEventBuilder event, KeyValuePair[] pairs, Map<String, ?> context) {
        if (module != null) {
            event.addKeyValue(LogField.MODULE.key(), module);
        }
        for (KeyValuePair pair : pairs) {
            event.addKeyValue(pair.key, pair.value);
        }
        if (context != null) {
            redactor.redact(context).forEach((key, value) -> {
                if (!isEmitted(key, pairs)) {
                    event.addKeyValue(key, value);
                }
            });
        }
    }

    private boolean isEmitted(String key, KeyValuePair[] pairs) {
        if (module != null && LogField.MODULE.key().equals(key)) {
            return true;
        }
        for (KeyValuePair pair : pairs) {
            if (pair.key.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static KeyValuePair pair(String key, Object value) {
        return new KeyValuePair(key, value);
    }

    private static Logger moduleLogger(String module) {
        if (module == null || module.isBlank()) {
            String shown = module == null ? "null" : "'" + module + "'";
            throw new IllegalArgumentException("'module' must not be blank but was " + shown);
        }
        return LoggerFactory.getLogger("erp." + module);
    }
}
