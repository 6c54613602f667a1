package io.erpcore.adapter.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.erpcore.logging.StructuredLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The request-log switch is visible to the caller before it builds a line, not only when Logback drops it. */
class HttpLineFilterTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final HttpLineFilter filter = new HttpLineFilter();
    private final ch.qos.logback.classic.Logger logger = context.getLogger("erp.http-line-filter-test");

    @BeforeEach
    void installTheFilter() {
        logger.setLevel(Level.INFO);
        filter.start();
        context.addTurboFilter(filter);
    }

    @AfterEach
    void removeTheFilter() {
        context.getTurboFilterList().remove(filter);
        logger.setLevel(null);
    }

    @Test
    void request_lines_switched_off_at_info_are_reported_as_disabled_to_the_caller() {
        filter.setEnabled(false);

        assertThat(StructuredLogger.forModule("http-line-filter-test").isHttpEnabled()).isFalse();
    }

    @Test
    void request_lines_switched_on_are_reported_as_enabled() {
        filter.setEnabled(true);

        assertThat(StructuredLogger.forModule("http-line-filter-test").isHttpEnabled()).isTrue();
    }
}
