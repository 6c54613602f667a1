package io.erpcore.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void uses_the_field_names_as_mdc_keys() {
        assertThat(LogField.values()).extracting(LogField::key).containsExactly(
                "correlationId", "tenantId", "userId", "module", "action", "traceId");
    }

    @Test
    void sets_a_field_for_the_scope_and_removes_it_when_the_scope_closes() {
        try (LogScope scope = LogContext.put(LogField.CORRELATION_ID, "req-1")) {
            assertThat(MDC.get("correlationId")).isEqualTo("req-1");
        }

        assertThat(MDC.get("correlationId")).isNull();
    }

    @Test
    void restores_the_previous_value_when_a_scope_closes() {
        MDC.put("tenantId", "outer");

        try (LogScope scope = LogContext.put(LogField.TENANT_ID, "inner")) {
            assertThat(LogContext.get(LogField.TENANT_ID)).contains("inner");
        }

        assertThat(LogContext.get(LogField.TENANT_ID)).contains("outer");
    }

    @Test
    void nested_scopes_restore_in_lifo_order() {
        try (LogScope first = LogContext.put(LogField.ACTION, "first")) {
            try (LogScope second = LogContext.put(LogField.ACTION, "second")) {
                try (LogScope third = LogContext.put(LogField.ACTION, "third")) {
                    assertThat(LogContext.get(LogField.ACTION)).contains("third");
                }
                assertThat(LogContext.get(LogField.ACTION)).contains("second");
            }
            assertThat(LogContext.get(LogField.ACTION)).contains("first");
        }
        assertThat(LogContext.get(LogField.ACTION)).isEmpty();
    }

    @Test
    void a_blank_value_removes_the_field_for_the_scope() {
        MDC.put("userId", "u-1");

        try (LogScope scope = LogContext.put(LogField.USER_ID, "  ")) {
            assertThat(LogContext.get(LogField.USER_ID)).isEmpty();
        }

        assertThat(LogContext.get(LogField.USER_ID)).contains("u-1");
    }

    @Test
    void a_null_value_removes_the_field_for_the_scope() {
        MDC.put("userId", "u-1");

        try (LogScope scope = LogContext.put(LogField.USER_ID, null)) {
            assertThat(LogContext.get(LogField.USER_ID)).isEmpty();
        }

        assertThat(LogContext.get(LogField.USER_ID)).contains("u-1");
    }

    @Test
    void closing_a_scope_twice_does_nothing_the_second_time() {
        LogScope outer = LogContext.put(LogField.MODULE, "auth");
        LogScope inner = LogContext.put(LogField.MODULE, "billing");
        inner.close();
        LogScope later = LogContext.put(LogField.MODULE, "reports");

        inner.close();

        assertThat(LogContext.get(LogField.MODULE)).contains("reports");
        later.close();
        outer.close();
    }

    @Test
    void a_multi_field_scope_sets_and_restores_every_field() {
        MDC.put("tenantId", "outer-tenant");
        Map<LogField, String> fields = new LinkedHashMap<>();
        fields.put(LogField.CORRELATION_ID, "req-7");
        fields.put(LogField.TENANT_ID, "t-7");
        fields.put(LogField.USER_ID, null);

        try (LogScope scope = LogContext.put(fields)) {
            assertThat(LogContext.current()).containsExactly(
                    Map.entry(LogField.CORRELATION_ID, "req-7"), Map.entry(LogField.TENANT_ID, "t-7"));
        }

        assertThat(LogContext.current()).containsExactly(Map.entry(LogField.TENANT_ID, "outer-tenant"));
    }

    @Test
    void restores_a_blank_value_that_was_put_directly() {
        MDC.put("action", "");

        try (LogScope scope = LogContext.put(LogField.ACTION, "login")) {
            assertThat(LogContext.get(LogField.ACTION)).contains("login");
        }

        assertThat(MDC.get("action")).isEmpty();
    }

    @Test
    void current_lists_only_the_context_fields_in_field_order() {
        MDC.put("other", "ignored");
        MDC.put("traceId", "trace-1");
        MDC.put("correlationId", "req-1");

        assertThat(LogContext.current()).containsExactly(
                Map.entry(LogField.CORRELATION_ID, "req-1"), Map.entry(LogField.TRACE_ID, "trace-1"));
    }

    @Test
    void current_is_a_snapshot_that_cannot_be_changed() {
        try (LogScope scope = LogContext.put(LogField.TENANT_ID, "t-1")) {
            Map<LogField, String> snapshot = LogContext.current();
            MDC.put("tenantId", "t-2");

            assertThat(snapshot).containsEntry(LogField.TENANT_ID, "t-1");
            assertThatThrownBy(() -> snapshot.put(LogField.USER_ID, "u"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void get_is_empty_for_a_field_that_is_not_set() {
        assertThat(LogContext.get(LogField.TRACE_ID)).isEqualTo(Optional.empty());
    }
}
