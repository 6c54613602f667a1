package io.erpcore.adapter.logback;

import static io.erpcore.adapter.logback.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.config.Secret;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogContextJsonProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writes_the_five_context_fields_always_null_when_unknown() throws IOException {
        JsonNode fields = write(event(Level.INFO, "m", Map.of("correlationId", "req_1")));

        assertThat(fields.get("correlationId").asText()).isEqualTo("req_1");
        assertThat(fields.has("tenantId")).isTrue();
        assertThat(fields.get("tenantId").isNull()).isTrue();
        assertThat(fields.get("userId").isNull()).isTrue();
        assertThat(fields.get("module").isNull()).isTrue();
        assertThat(fields.get("action").isNull()).isTrue();
    }

    @Test
    void writes_the_trace_id_only_when_there_is_one() throws IOException {
        assertThat(write(event(Level.INFO, "m", Map.of())).has("traceId")).isFalse();
        assertThat(write(event(Level.INFO, "m", Map.of("traceId", "4bf92f35"))).get("traceId").asText()).isEqualTo("4bf92f35");
    }

    @Test
    void a_key_value_pair_wins_over_the_mdc_for_a_context_field() throws IOException {
        JsonNode fields = write(event(Level.INFO, "m", Map.of("module", "http"), "module", "auth"));

        assertThat(fields.get("module").asText()).isEqualTo("auth");
    }

    @Test
    void the_context_map_becomes_top_level_fields_with_their_json_types() throws IOException {
        JsonNode fields = write(event(Level.INFO, "m", Map.of(),
                "count", 3, "ratio", 0.5, "ok", true, "nested", Map.of("a", List.of(1, 2)), "none", null));

        assertThat(fields.get("count").isIntegralNumber()).isTrue();
        assertThat(fields.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(fields.get("ok").asBoolean()).isTrue();
        assertThat(fields.get("nested").get("a").get(1).asInt()).isEqualTo(2);
        assertThat(fields.get("none").isNull()).isTrue();
    }

    @Test
    void a_context_key_that_names_a_standard_field_is_renamed() throws IOException {
        JsonNode fields = write(event(Level.INFO, "m", Map.of(), "message", "mine", "level", "high"));

        assertThat(fields.get("context_message").asText()).isEqualTo("mine");
        assertThat(fields.get("context_level").asText()).isEqualTo("high");
        assertThat(fields.has("message")).isFalse();
    }

    @Test
    void unknown_objects_are_written_by_to_string_so_secrets_stay_masked() throws IOException {
        JsonNode fields = write(event(Level.INFO, "m", Map.of(), "secret", Secret.of("hunter2")));

        assertThat(fields.get("secret").asText()).isEqualTo("******");
    }

    private static JsonNode write(ILoggingEvent event) throws IOException {
        LogContextJsonProvider provider = new LogContextJsonProvider();
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            provider.writeTo(generator, event);
            generator.writeEndObject();
        }
        return JSON.readTree(out.toString());
    }
}
