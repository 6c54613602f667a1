package io.erpcore.adapter.logback;

import static io.erpcore.adapter.logback.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.erpcore.logging.LogMarkers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrettyLayoutTest {

    private final PrettyLayout layout = new PrettyLayout();

    @BeforeEach
    void startInUtc() {
        layout.setContext(Events.CONTEXT);
        layout.setTimeZone("UTC");
        layout.start();
    }

    @Test
    void writes_the_specification_line_byte_for_byte() {
        String line = layout.doLayout(event(Level.INFO, "User authentication successful",
                Map.of("correlationId", "req_123", "tenantId", "abc", "userId", "456"),
                "module", "auth", "action", "login"));

        assertThat(line).isEqualTo("14:30:15.123 [INFO] [auth] [login] [req_123] [tenant:abc] [user:456]: "
                + "User authentication successful" + System.lineSeparator());
    }

    @Test
    void leaves_out_the_brackets_of_unknown_fields() {
        String line = layout.doLayout(event(Level.WARN, "Disk almost full", Map.of("correlationId", "req_9")));

        assertThat(line).isEqualTo("14:30:15.123 [WARN] [req_9]: Disk almost full" + System.lineSeparator());
    }

    @Test
    void module_and_action_from_the_mdc_are_shown_when_the_event_has_none() {
        String line = layout.doLayout(event(Level.INFO, "x", Map.of("module", "billing", "action", "invoice")));

        assertThat(line).startsWith("14:30:15.123 [INFO] [billing] [invoice]: x");
    }

    @Test
    void request_lines_show_the_http_level() {
        String line = layout.doLayout(Events.withMarker(event(Level.INFO, "GET /ping 200", Map.of()), LogMarkers.HTTP));

        assertThat(line).startsWith("14:30:15.123 [HTTP]: GET /ping 200");
    }

    @Test
    void trace_is_shown_as_verbose() {
        assertThat(layout.doLayout(event(Level.TRACE, "x", Map.of()))).startsWith("14:30:15.123 [VERBOSE]: x");
    }

    @Test
    void the_context_map_follows_the_message() {
        String line = layout.doLayout(event(Level.INFO, "Invoice paid", Map.of(), "invoiceId", "inv-7", "amount", 12.5));

        assertThat(line).isEqualTo("14:30:15.123 [INFO]: Invoice paid invoiceId=inv-7 amount=12.5" + System.lineSeparator());
    }

    @Test
    void a_stack_trace_follows_on_the_next_lines() {
        String text = layout.doLayout(Events.withError(event(Level.ERROR, "Failed", Map.of()),
                new IllegalStateException("outer", new IllegalArgumentException("inner"))));

        assertThat(text.lines().findFirst()).contains("14:30:15.123 [ERROR]: Failed");
        assertThat(text).contains("java.lang.IllegalStateException: outer", "Caused by: java.lang.IllegalArgumentException: inner");
    }
}
