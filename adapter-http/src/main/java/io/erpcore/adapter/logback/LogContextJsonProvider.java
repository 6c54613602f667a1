package io.erpcore.adapter.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import io.erpcore.logging.LogField;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;

/**
 * Writes the context fields and the event's context map. {@code correlationId}, {@code tenantId},
 * {@code userId}, {@code module} and {@code action} are always present (null when unknown), so
 * every line has the same shape; {@code traceId} only when a trace came in. The remaining
 * key-value pairs become top-level fields, as the specification's logger merges its metadata; one
 * whose name is taken by a standard field is written as {@code context_<name>}.
 *
 * <p>Values are written as JSON strings, numbers, booleans, objects and arrays; anything else by
 * its {@code toString()}, never by reflection, so a {@code Secret} prints masked and an odd object
 * cannot break the line.
 */
public final class LogContextJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

    private static final Set<String> STANDARD_FIELDS = Set.of(
            "timestamp", "level", "message", "logger", "thread", "service", "env", "stack_trace");
    private static final int MAX_DEPTH = 16;

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        for (LogField field : LogField.values()) {
            String value = EventContext.field(event, field);
            if (value != null || field != LogField.TRACE_ID) {
                generator.writeStringField(field.key(), value);
            }
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            if (pair.key == null || EventContext.isContextField(pair.key)) {
                continue;
            }
            generator.writeFieldName(STANDARD_FIELDS.contains(pair.key) ? "context_" + pair.key : pair.key);
            writeValue(generator, pair.value, 0);
        }
    }

    private static void writeValue(JsonGenerator generator, Object value, int depth) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String || value instanceof Character || depth >= MAX_DEPTH) {
            generator.writeString(String.valueOf(value));
        } else if (value instanceof Number number) {
            writeNumber(generator, number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue(), depth + 1);
            }
            generator.writeEndObject();
        } else if (value instanceof Collection<?> || value.getClass().isArray()) {
            writeArray(generator, value, depth);
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    private static void writeArray(JsonGenerator generator, Object value, int depth) throws IOException {
        generator.writeStartArray();
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                writeValue(generator, element, depth + 1);
            }
        } else {
            for (int i = 0; i < Array.getLength(value); i++) {
                writeValue(generator, Array.get(value, i), depth + 1);
            }
        }
        generator.writeEndArray();
    }

    private static void writeNumber(JsonGenerator generator, Number number) throws IOException {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            generator.writeNumber(number.longValue());
        } else if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isFinite(value)) {
                generator.writeNumber(value);
            } else {
                generator.writeString(String.valueOf(value));
            }
        } else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (number instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else {
            generator.writeString(number.toString());
        }
    }
}
