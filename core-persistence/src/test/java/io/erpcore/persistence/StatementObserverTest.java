package io.erpcore.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Labels;
import io.erpcore.metrics.MeterId;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StatementObserverTest {

    private final InMemoryMetricsSink sink = InMemoryMetricsSink.create();
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(10));
    private final Logger logger = (Logger) LoggerFactory.getLogger("erp.database");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final TenantId tenant = TenantId.random();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

    @Test
    void every_statement_is_counted_and_timed_by_operation_and_table() {
        StatementObserver.of(metrics, Duration.ofSeconds(1), false)
                .finished("select * from users where id = ?", Duration.ofMillis(12), true, tenant);

        assertThat(sink.counterValue(new MeterId("db_operations_total", Labels.of("operation", "select",
                "table", "users", "success", "true", "tenant", tenant.toString())))).isEqualTo(1.0);
        assertThat(sink.histogramSum(new MeterId("db_operation_duration_ms",
                Labels.of("operation", "select", "table", "users")))).isEqualTo(12.0);
    }

    @Test
    void a_slow_statement_is_logged_with_its_shape_and_never_its_values() {
        StatementObserver.of(metrics, Duration.ofMillis(100), false)
                .finished("select * from users where email = 'bob@example.com'", Duration.ofMillis(250), true, tenant);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getMessage()).isEqualTo("Slow query");
            assertThat(event.getKeyValuePairs().toString()).contains("select * from users where email = ?")
                    .doesNotContain("bob@example.com");
        });
    }

    @Test
    void a_fast_statement_is_not_logged_unless_every_statement_is() {
        StatementObserver.of(metrics, Duration.ofSeconds(1), false).finished("select 1", Duration.ofMillis(1), true, null);
        assertThat(logged.list).isEmpty();

        StatementObserver.of(metrics, Duration.ofSeconds(1), true).finished("select 1", Duration.ofMillis(1), true, null);
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.DEBUG);
    }

    @Test
    void a_failed_statement_is_counted_as_unsuccessful() {
        StatementObserver.of(metrics, Duration.ofSeconds(1), false)
                .finished("insert into users values (?)", Duration.ofMillis(3), false, null);

        assertThat(sink.counterValue(new MeterId("db_operations_total", Labels.of("operation", "insert",
                "table", "users", "success", "false", "tenant", "none")))).isEqualTo(1.0);
    }
}
