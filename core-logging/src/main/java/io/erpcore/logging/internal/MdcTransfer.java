package io.erpcore.logging.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Carries the whole MDC of the thread that wraps a task to the thread that runs it, and gives
 * the running thread its own MDC back afterwards, also when the task throws.
 */
public final class MdcTransfer {

    private MdcTransfer() {
    }

    /** {@code task}, running under the MDC the calling thread has now. */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        Map<String, String> captured = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = install(captured);
            try {
                task.run();
            } finally {
                install(previous);
            }
        };
    }

    /** {@code task}, running under the MDC the calling thread has now. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Map<String, String> captured = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = install(captured);
            try {
                return task.call();
            } finally {
                install(previous);
            }
        };
    }

    /** Replaces this thread's MDC with {@code context} (null clears it); returns what it had. */
    private static Map<String, String> install(Map<String, String> context) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (context == null || context.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
        return previous;
    }
}
