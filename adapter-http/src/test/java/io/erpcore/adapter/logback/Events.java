package io.erpcore.adapter.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/** Test data: logging events built by hand, with exactly the time, MDC and key-values a test needs. */
final class Events {

    static final LoggerContext CONTEXT = new LoggerContext();
    static final Instant AT = Instant.parse("2026-11-24T14:30:15.123Z");

    private Events() {
    }

    static LoggingEvent event(Level level, String message, Map<String, String> mdc, Object... keyValues) {
        LoggingEvent event = new LoggingEvent(Events.class.getName(), CONTEXT.getLogger("erp.auth"), level, message, null, null);
        event.setTimeStamp(AT.toEpochMilli());
        event.setMDCPropertyMap(mdc);
        for (int i = 0; i < keyValues.length; i += 2) {
            event.addKeyValuePair(new KeyValuePair((String) keyValues[i], keyValues[i + 1]));
        }
        return event;
    }

    static LoggingEvent withMarker(LoggingEvent event, Marker marker) {
        event.addMarker(marker);
        return event;
    }

    static LoggingEvent withError(LoggingEvent event, Throwable error) {
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(error));
        return event;
    }
}
