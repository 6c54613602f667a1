package io.erpcore.logging;

import static io.erpcore.logging.LogCapture.keyValues;
import static io.erpcore.logging.LogCapture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StructuredLoggerProfileTest {

    private final LogCapture orders = LogCapture.of("erp.orders");
    private final StructuredLogger logger = StructuredLogger.forModule("orders");

    @AfterEach
    void detach() {
        orders.close();
    }

    @Test
    void profiling_returns_the_value_and_logs_the_duration_at_debug() {
        String result = logger.profile("loadOrder", () -> "order-1");

        ILoggingEvent event = orders.single();
        assertThat(result).isEqualTo("order-1");
        assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(event.getFormattedMessage()).isEqualTo("loadOrder completed");
        assertThat(keyValues(event)).hasSize(4)
                .startsWith("module=orders", "operation=loadOrder").endsWith("outcome=success");
        assertThat(value(event, "durationMs")).isInstanceOf(Double.class);
        assertThat((Double) value(event, "durationMs")).isNotNegative();
    }

    @Test
    void profiling_work_without_a_result_logs_it_too() {
        boolean[] ran = {false};

        logger.profile("recalculate", () -> {
            ran[0] = true;
        });

        assertThat(ran[0]).isTrue();
        assertThat(orders.single().getFormattedMessage()).isEqualTo("recalculate completed");
    }

    @Test
    void profiling_rethrows_the_same_checked_exception_and_logs_a_warning_with_it() {
        IOException failure = new IOException("disk full");

        Throwable thrown = catchThrowable(() -> logger.profile("export", () -> {
            throw failure;
        }));

        ILoggingEvent event = orders.single();
        assertThat(thrown).isSameAs(failure);
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage()).isEqualTo("export failed");
        assertThat(((ThrowableProxy) event.getThrowableProxy()).getThrowable()).isSameAs(failure);
        assertThat(keyValues(event)).startsWith("module=orders", "operation=export").endsWith("outcome=failure");
    }

    @Test
    void profiling_rethrows_the_same_unchecked_exception() {
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> logger.profile("import", (ThrowingRunnable<RuntimeException>) () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(value(orders.single(), "outcome")).isEqualTo("failure");
    }

    @Test
    void a_checked_exception_passes_through_to_the_callers_throws_clause() throws IOException {
        // Compiles only because profile declares the work's own exception type.
        String value = logger.profile("read", this::readSomething);

        assertThat(value).isEqualTo("read");
    }

    private String readSomething() throws IOException {
        return "read";
    }
}
