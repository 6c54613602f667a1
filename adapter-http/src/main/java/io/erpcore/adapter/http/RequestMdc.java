package io.erpcore.adapter.http;

import io.erpcore.logging.LogField;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Binds a request's log fields to the server thread once per stay on that thread, instead of once
 * per step: the chain's first step binds them, later stages on the same thread find them bound, a
 * stage that resumes on another thread (after a slow-down) binds them there, and the request log
 * line, the last thing a request does, unbinds them. A thread's next request overwrites every field
 * when it begins, so no request ever logs under another's fields.
 */
final class RequestMdc {

    private static final LogField[] FIELDS = LogField.values();
    private static final String CORRELATION_KEY = LogField.CORRELATION_ID.key();

    private RequestMdc() {
    }

    /** Sets every field of {@code request} on this thread and removes the fields it does not have. */
    static void bind(ApiRequest request) {
        Map<LogField, String> fields = request.logFields();
        for (LogField field : FIELDS) {
            String value = fields.get(field);
            if (value == null) {
                MDC.remove(field.key());
            } else {
                MDC.put(field.key(), value);
            }
        }
    }

    /** Binds {@code request} unless this thread already carries it: the same string, not just an equal one. */
    static void ensure(ApiRequest request) {
        if (MDC.get(CORRELATION_KEY) != request.correlationId()) {
            bind(request);
        }
    }

    /** Sets one field that a step has just learnt; the thread carries the request already. */
    static void put(LogField field, String value) {
        MDC.put(field.key(), value);
    }

    /** Removes every request field from this thread. */
    static void unbind() {
        for (LogField field : FIELDS) {
            MDC.remove(field.key());
        }
    }
}
