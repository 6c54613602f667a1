package io.erpcore.logging;

import static io.erpcore.logging.LogCapture.keyValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructuredLoggerTest {

    private final LogCapture auth = LogCapture.of("erp.auth");
    private final StructuredLogger logger = StructuredLogger.forModule("auth");

    @AfterEach
    void detach() {
        auth.close();
    }

    @Test
    void a_module_logger_is_named_after_its_module_and_carries_it_first() {
        logger.info("User authentication successful", ordered("userId", "456", "method", "password-less"));

        ILoggingEvent event = auth.single();
        assertThat(event.getLoggerName()).isEqualTo("erp.auth");
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage()).isEqualTo("User authentication successful");
        assertThat(keyValues(event)).containsExactly("module=auth", "userId=456", "method=password-less");
    }

    @Test
    void a_child_logger_has_its_own_module_and_the_parents_redactor() {
        try (LogCapture billing = LogCapture.of("erp.billing")) {
            logger.withRedactor(Redactor.withExtraKeys(List.of("iban"))).child("billing")
                    .info("Paid", ordered("iban", "DE89", "amount", 10));

            assertThat(keyValues(billing.single()))
                    .containsExactly("module=billing", "iban=[REDACTED]", "amount=10");
        }
    }

    @Test
    void a_logger_for_a_class_carries_no_module() {
        try (LogCapture capture = LogCapture.of(StructuredLoggerTest.class.getName())) {
            StructuredLogger.of(StructuredLoggerTest.class).warn("Careful", Map.of("a", 1));

            assertThat(capture.single().getLevel()).isEqualTo(Level.WARN);
            assertThat(keyValues(capture.single())).containsExactly("a=1");
        }
    }

    @Test
    void masks_secrets_in_the_context_before_the_event_leaves() {
        Map<String, Object> headers = Map.of("Authorization", "Bearer x");

        logger.info("Login", ordered("user", "bob", "password", "hunter2", "headers", headers));

        assertThat(keyValues(auth.single()))
                .containsExactly("module=auth", "user=bob", "password=[REDACTED]",
                        "headers={Authorization=[REDACTED]}");
    }

    @Test
    void honours_extra_redact_keys() {
        logger.withRedactor(Redactor.withExtraKeys(List.of("ssn"))).info("Checked", Map.of("ssn", "123-45-6789"));

        assertThat(keyValues(auth.single())).containsExactly("module=auth", "ssn=[REDACTED]");
    }

    @Test
    void drops_a_context_entry_whose_key_was_already_emitted() {
        logger.audit("Deleted", "delete", "user/42", ordered("module", "spoofed", "action", "spoofed", "by", "admin"));

        assertThat(keyValues(auth.single()))
                .containsExactly("module=auth", "category=audit", "action=delete", "resource=user/42", "by=admin");
    }

    @Test
    void accepts_a_null_context() {
        logger.info("Nothing else", null);

        assertThat(keyValues(auth.single())).containsExactly("module=auth");
    }

    @Test
    void attaches_the_throwable_to_an_error() {
        IllegalStateException failure = new IllegalStateException("boom");

        logger.error("Failed", failure, Map.of("orderId", "o-1"));

        ILoggingEvent event = auth.single();
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(((ThrowableProxy) event.getThrowableProxy()).getThrowable()).isSameAs(failure);
        assertThat(keyValues(event)).containsExactly("module=auth", "orderId=o-1");
    }

    @Test
    void attaches_the_throwable_to_a_warning() {
        IllegalStateException failure = new IllegalStateException("boom");

        logger.warn("Retrying", failure, Map.of());

        assertThat(((ThrowableProxy) auth.single().getThrowableProxy()).getThrowable()).isSameAs(failure);
    }

    @Test
    void logs_each_plain_level_at_that_level() {
        logger.error("e");
        logger.error("e2", new RuntimeException());
        logger.error("e3", Map.of());
        logger.warn("w");
        logger.info("i");
        logger.debug("d");
        logger.debug("d2", Map.of());

        assertThat(auth.events()).extracting(ILoggingEvent::getLevel).containsExactly(
                Level.ERROR, Level.ERROR, Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.DEBUG);
    }

    @Test
    void logs_the_request_line_at_info_with_the_http_marker_on_the_request_lines_logger() {
        try (LogCapture requests = LogCapture.of(StructuredLogger.REQUEST_LINES)) {
            logger.http("GET /ping 200", Map.of("status", 200));

            ILoggingEvent event = requests.single();
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getMarkerList()).containsExactly(LogMarkers.HTTP);
            assertThat(event.getKeyValuePairs()).anySatisfy(pair -> {
                assertThat(pair.key).isEqualTo("module");
                assertThat(pair.value).isEqualTo("auth");
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"LOW, WARN, low", "MEDIUM, WARN, medium", "HIGH, ERROR, high", "CRITICAL, ERROR, critical"})
    void logs_security_events_at_a_level_that_follows_the_severity(
            SecuritySeverity severity, String level, String name) {
        logger.security("Brute force suspected", severity, Map.of("ip", "10.0.0.1"));

        ILoggingEvent event = auth.single();
        assertThat(event.getLevel()).isEqualTo(Level.toLevel(level));
        assertThat(event.getMarkerList()).containsExactly(LogMarkers.SECURITY);
        assertThat(keyValues(event))
                .containsExactly("module=auth", "category=security", "severity=" + name, "ip=10.0.0.1");
    }

    @Test
    void logs_an_audit_record_with_action_and_resource() {
        logger.audit("Role granted", "grant", "user/42", Map.of("role", "admin"));

        ILoggingEvent event = auth.single();
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getMarkerList()).containsExactly(LogMarkers.AUDIT);
        assertThat(keyValues(event))
                .containsExactly("module=auth", "category=audit", "action=grant", "resource=user/42", "role=admin");
    }

    @Test
    void logs_a_business_event_with_its_name() {
        logger.business("User signed up", "user_signup", Map.of("plan", "pro"));

        ILoggingEvent event = auth.single();
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getMarkerList()).containsExactly(LogMarkers.BUSINESS);
        assertThat(keyValues(event))
                .containsExactly("module=auth", "category=business", "event=user_signup", "plan=pro");
    }

    @Test
    void points_caller_data_at_the_calling_code() {
        logger.info("Here");

        StackTraceElement caller = auth.single().getCallerData()[0];

        assertThat(caller.getClassName()).isEqualTo(StructuredLoggerTest.class.getName());
    }

    @Test
    void rejects_a_blank_module() {
        assertThatThrownBy(() -> StructuredLogger.forModule(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'module' must not be blank but was ' '");
    }

    /** A map that keeps the order the test writes it in. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
