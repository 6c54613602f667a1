package io.erpcore.adapter.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.erpcore.logging.LogField;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The context of one event, as both layouts show it: a field the event carries as a key-value
 * pair (a module logger's {@code module}, an audit's {@code action}) wins over the same field in
 * the MDC, which holds the request's context.
 */
final class EventContext {

    private EventContext() {
    }

    /** The value of {@code field} for {@code event}, or null. */
    static String field(ILoggingEvent event, LogField field) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (field.key().equals(pair.key)) {
                    return pair.value == null ? null : String.valueOf(pair.value);
                }
            }
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        return mdc == null ? null : mdc.get(field.key());
    }

    /** Whether {@code key} names one of the context fields, which the layouts place themselves. */
    static boolean isContextField(String key) {
        for (LogField field : LogField.values()) {
            if (field.key().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
