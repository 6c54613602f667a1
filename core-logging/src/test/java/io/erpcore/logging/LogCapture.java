package io.erpcore.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Captures the real Logback events of one logger for the length of a test, then detaches. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // Caller data is computed lazily from the current stack: take it while the caller is on it.
            event.getCallerData();
            super.append(event);
        }
    };

    private LogCapture(String loggerName, Level level) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        logger.setLevel(level);
        // Not additive: captured events should not also go to the console.
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures everything from DEBUG up. */
    static LogCapture of(String loggerName) {
        return new LogCapture(loggerName, Level.DEBUG);
    }

    /** Captures from {@code level} up. */
    static LogCapture of(String loggerName, Level level) {
        return new LogCapture(loggerName, level);
    }

    List<ILoggingEvent> events() {
        return appender.list;
    }

    /** The one event captured; fails if there are none or several. */
    ILoggingEvent single() {
        if (appender.list.size() != 1) {
            throw new AssertionError("expected one event but captured " + appender.list);
        }
        return appender.list.get(0);
    }

    /** The event's key-value pairs as {@code key=value} strings, in order. */
    static List<String> keyValues(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null ? List.of() : pairs.stream().map(pair -> pair.key + "=" + pair.value).toList();
    }

    /** The value of {@code key} among the event's key-value pairs. */
    static Object value(ILoggingEvent event, String key) {
        return event.getKeyValuePairs().stream().filter(pair -> pair.key.equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no key-value " + key)).value;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
    }
}
