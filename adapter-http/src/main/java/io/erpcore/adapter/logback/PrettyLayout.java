package io.erpcore.adapter.logback;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import io.erpcore.logging.LogField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * The specification's development layout, one line per event:
 * {@code 14:30:15.123 [INFO] [auth] [login] [req_123] [tenant:abc] [user:456]: message}.
 * Brackets of unknown fields are left out; the event's context map follows the message as
 * {@code key=value} pairs, and a stack trace follows on the next lines.
 */
public final class PrettyLayout extends LayoutBase<ILoggingEvent> {

    private DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

    /** The zone of the time of day, {@code UTC} or a region id; the machine's zone by default. */
    public void setTimeZone(String zone) {
        time = time.withZone(ZoneId.of(zone));
    }

    @Override
    public void start() {
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        time.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(" [").append(SeedLevels.name(event)).append(']');
        bracket(line, "", EventContext.field(event, LogField.MODULE));
        bracket(line, "", EventContext.field(event, LogField.ACTION));
        bracket(line, "", EventContext.field(event, LogField.CORRELATION_ID));
        bracket(line, "tenant:", EventContext.field(event, LogField.TENANT_ID));
        bracket(line, "user:", EventContext.field(event, LogField.USER_ID));
        line.append(": ").append(event.getFormattedMessage());
        appendContext(line, event.getKeyValuePairs());
        line.append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(stackTrace.convert(event));
        }
        return line.toString();
    }

    private static void bracket(StringBuilder line, String label, String value) {
        if (value != null && !value.isEmpty()) {
            line.append(" [").append(label).append(value).append(']');
        }
    }

    private static void appendContext(StringBuilder line, List<KeyValuePair> pairs) {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            if (pair.key != null && !EventContext.isContextField(pair.key)) {
                line.append(' ').append(pair.key).append('=').append(pair.value);
            }
        }
    }
}
