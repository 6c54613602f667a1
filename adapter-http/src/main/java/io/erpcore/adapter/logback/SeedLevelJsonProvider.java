package io.erpcore.adapter.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import net.logstash.logback.composite.AbstractFieldJsonProvider;

/** Writes {@code "level"} in the specification's lower case: {@code info}, {@code http}, {@code verbose}. */
public final class SeedLevelJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

    public SeedLevelJsonProvider() {
        setFieldName("level");
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        generator.writeStringField(getFieldName(), SeedLevels.name(event).toLowerCase(Locale.ROOT));
    }
}
