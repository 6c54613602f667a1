package io.erpcore.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.util.AbstractMap;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StructuredLoggerDisabledLevelTest {

    private final LogCapture quiet = LogCapture.of("erp.quiet", Level.INFO);
    private final StructuredLogger logger = StructuredLogger.forModule("quiet");

    @AfterEach
    void detach() {
        quiet.close();
    }

    @Test
    void a_disabled_debug_call_never_reads_the_context() {
        logger.debug("Not logged", new UntouchableMap());

        assertThat(quiet.events()).isEmpty();
    }

    @Test
    void an_enabled_call_does_read_the_context_which_is_what_the_test_above_relies_on() {
        assertThatThrownBy(() -> logger.info("Logged", new UntouchableMap())).isInstanceOf(AssertionError.class);
    }

    @Test
    void a_disabled_profile_log_still_returns_the_value() {
        assertThat(logger.profile("fast", () -> 42)).isEqualTo(42);
        assertThat(quiet.events()).isEmpty();
    }

    /** A context map that fails on any access, to prove that nothing reads it. */
    private static final class UntouchableMap extends AbstractMap<String, Object> {

        @Override
        public Set<Entry<String, Object>> entrySet() {
            throw new AssertionError("the context was read although its level is off");
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            throw new AssertionError("the context was read although its level is off");
        }
    }
}
