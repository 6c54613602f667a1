package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.logback.LogbackLogging;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.LoadedConfig;
import io.erpcore.config.MapConfigSource;
import io.erpcore.logging.LogContext;
import io.erpcore.logging.LogField;
import io.erpcore.logging.LogScope;
import io.erpcore.logging.StructuredLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's logback.xml as it runs: real events through the real appenders, parsed back. */
class LoggingOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(originalOut);
    }

    @Test
    void json_lines_carry_every_field_of_the_specification() throws Exception {
        List<JsonNode> lines = jsonLinesOf(Map.of("LOG_FORMAT", "json", "SERVICE_NAME", "billing"), () -> {
            try (LogScope scope = LogContext.put(Map.of(LogField.CORRELATION_ID, "req_123",
                    LogField.TENANT_ID, "abc", LogField.USER_ID, "456", LogField.ACTION, "login"))) {
                StructuredLogger.forModule("auth").error("Login failed",
                        new IllegalStateException("outer", new IllegalArgumentException("inner cause")),
                        Map.of("password", "hunter2", "attempt", 3, "client", Map.of("ip", "10.0.0.7")));
            }
        });

        JsonNode line = lines.stream().filter(node -> node.get("message").asText().equals("Login failed")).findFirst().orElseThrow();
        assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(line.get("level").asText()).isEqualTo("error");
        assertThat(line.get("correlationId").asText()).isEqualTo("req_123");
        assertThat(line.get("tenantId").asText()).isEqualTo("abc");
        assertThat(line.get("userId").asText()).isEqualTo("456");
        assertThat(line.get("module").asText()).isEqualTo("auth");
        assertThat(line.get("action").asText()).isEqualTo("login");
        assertThat(line.get("logger").asText()).isEqualTo("erp.auth");
        assertThat(line.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(line.get("service").asText()).isEqualTo("billing");
        assertThat(line.get("env").asText()).isEqualTo("development");
        assertThat(line.get("password").asText()).isEqualTo("[REDACTED]");
        assertThat(line.get("attempt").asInt()).isEqualTo(3);
        assertThat(line.get("client").get("ip").asText()).isEqualTo("10.0.0.7");
        assertThat(line.get("stack_trace").asText())
                .contains("java.lang.IllegalStateException: outer")
                .contains("Caused by: java.lang.IllegalArgumentException: inner cause");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
    }

    @Test
    void every_line_is_one_json_object() throws Exception {
        List<JsonNode> lines = jsonLinesOf(Map.of("LOG_FORMAT", "json"), () -> {
            StructuredLogger log = StructuredLogger.forModule("test");
            log.info("first\nwith a newline");
            log.warn("second");
        });

        assertThat(lines).extracting(node -> node.get("message").asText()).contains("first\nwith a newline", "second");
    }

    @Test
    void request_lines_are_written_at_http_level_and_dropped_at_info() throws Exception {
        Runnable requestLine = () -> StructuredLogger.forModule("http").http("GET /ping 200", Map.of("durationMs", 1.5));

        assertThat(jsonLinesOf(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "http"), requestLine))
                .anySatisfy(node -> {
                    assertThat(node.get("message").asText()).isEqualTo("GET /ping 200");
                    assertThat(node.get("level").asText()).isEqualTo("http");
                });
        assertThat(jsonLinesOf(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "info"), requestLine))
                .noneSatisfy(node -> assertThat(node.get("message").asText()).isEqualTo("GET /ping 200"));
    }

    @Test
    void log_level_hides_less_severe_events() throws Exception {
        List<JsonNode> lines = jsonLinesOf(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "warn"), () -> {
            StructuredLogger log = StructuredLogger.forModule("test");
            log.info("hidden");
            log.warn("shown");
        });

        assertThat(lines).extracting(node -> node.get("message").asText()).contains("shown").doesNotContain("hidden");
    }

    @Test
    void pretty_format_writes_the_specification_line() throws Exception {
        String text = outputOf(Map.of("LOG_FORMAT", "pretty"), () -> {
            try (LogScope scope = LogContext.put(Map.of(LogField.CORRELATION_ID, "req_123", LogField.TENANT_ID, "abc",
                    LogField.USER_ID, "456", LogField.ACTION, "login"))) {
                StructuredLogger.forModule("auth").info("User authentication successful");
            }
        });

        assertThat(text).containsPattern("(?m)^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[INFO\\] \\[auth\\] \\[login\\] "
                + "\\[req_123\\] \\[tenant:abc\\] \\[user:456\\]: User authentication successful$");
    }

    @Test
    void stopping_flushes_every_queued_event() throws Exception {
        List<JsonNode> lines = jsonLinesOf(Map.of("LOG_FORMAT", "json"), () -> {
            StructuredLogger log = StructuredLogger.forModule("test");
            for (int i = 0; i < 500; i++) {
                log.info("event " + i);
            }
        });

        assertThat(lines).filteredOn(node -> node.get("message").asText().startsWith("event ")).hasSize(500);
    }

    private List<JsonNode> jsonLinesOf(Map<String, String> variables, Runnable logging) throws Exception {
        String text = outputOf(variables, logging);
        return text.lines().map(LoggingOutputTest::parse).toList();
    }

    /** Applies the host's logging with {@code variables}, runs {@code logging}, flushes, returns standard output. */
    private String outputOf(Map<String, String> variables, Runnable logging) {
        captured.reset();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoadedConfig loaded = ConfigLoader.load(MapConfigSource.of("test", variables));
        HostLogging.start(loaded);
        logging.run();
        LogbackLogging.current().flushAndStop();
        System.setOut(originalOut);
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
