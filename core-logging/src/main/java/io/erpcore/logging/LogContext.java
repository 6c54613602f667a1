package io.erpcore.logging;

import io.erpcore.logging.internal.ContextExecutorService;
import io.erpcore.logging.internal.MdcTransfer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.MDC;

/**
 * The request's log context (correlation id, tenant, user, module, action, trace id), carried in
 * SLF4J's MDC under the {@link LogField#key() field keys}, where any backend's encoder finds it.
 *
 * <p>The MDC is per thread. Values are set through {@link LogScope scopes} that restore exactly
 * what they replaced, so a pooled thread never keeps a previous request's tenant. Work handed to
 * another thread takes the context along through {@link #wrap(Runnable)} or a
 * {@link #propagating(ExecutorService) propagating} executor.
 */
public final class LogContext {

    private LogContext() {
    }

    /**
     * Sets {@code field} to {@code value} until the returned scope closes; a null or blank value
     * removes the field for the scope. Closing restores the previous value, or removes the field if
     * it had none.
     */
    public static LogScope put(LogField field, String value) {
        Objects.requireNonNull(field, "field");
        return put(Collections.singletonMap(field, value));
    }

    /** Sets several fields at once (null or blank values remove); one scope restores them all. */
    public static LogScope put(Map<LogField, String> fields) {
        Objects.requireNonNull(fields, "fields");
        Map<LogField, String> previous = new EnumMap<>(LogField.class);
        fields.forEach((field, value) -> {
            String key = Objects.requireNonNull(field, "field").key();
            previous.put(field, MDC.get(key));
            set(key, value);
        });
        return new RestoringScope(previous);
    }

    /** The current value of {@code field} on this thread. */
    public static Optional<String> get(LogField field) {
        return Optional.ofNullable(MDC.get(Objects.requireNonNull(field, "field").key()));
    }

    /** An unmodifiable snapshot of the fields set on this thread, in {@link LogField} order. */
    public static Map<LogField, String> current() {
        Map<LogField, String> snapshot = new EnumMap<>(LogField.class);
        for (LogField field : LogField.values()) {
            String value = MDC.get(field.key());
            if (value != null) {
                snapshot.put(field, value);
            }
        }
        return Collections.unmodifiableMap(snapshot);
    }

    /**
     * {@code task}, bound to the whole MDC of the calling thread as it is now. The running thread
     * gets that MDC for the task and its own MDC back afterwards (cleared if it had none), also
     * when the task throws.
     */
    public static Runnable wrap(Runnable task) {
        return MdcTransfer.wrap(task);
    }

    /** {@code task}, bound to the calling thread's MDC as {@link #wrap(Runnable)} describes. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return MdcTransfer.wrap(task);
    }

    /** An executor that {@link #wrap(Runnable) wraps} every task at {@code execute} time. */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return command -> executor.execute(MdcTransfer.wrap(command));
    }

    /**
     * An executor service that wraps every task given to {@code execute}, {@code submit},
     * {@code invokeAll} and {@code invokeAny}; shutdown and termination calls go to {@code executor}.
     */
    public static ExecutorService propagating(ExecutorService executor) {
        return ContextExecutorService.of(executor);
    }

    private static void set(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    // Not set(): a blank value that someone put there directly comes back as it was.
    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /** Puts back the values a scope replaced; a null value means the field was absent. */
    private static final class RestoringScope implements LogScope {

        private final Map<LogField, String> previous;
        private boolean closed;

        RestoringScope(Map<LogField, String> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                previous.forEach((field, value) -> restore(field.key(), value));
            }
        }
    }
}
