package io.erpcore.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BusinessMetadataLoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(Metrics.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final MicrometerMetricsSink sink = MicrometerMetricsSink.prometheus();
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(10));
    private Level previousLevel;

    @BeforeEach
    void captureDebugEvents() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void restore() {
        logger.detachAppender(events);
        logger.setLevel(previousLevel);
        sink.close();
    }

    @Test
    void business_metadata_goes_to_the_debug_log_and_not_into_prometheus() {
        metrics.business("orders", 1, "sales", "count", Map.of("tenantId", "t1", "orderId", "o-123"));

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(keyValues(event)).containsEntry("metric", "orders").containsEntry("orderId", "o-123");
        });
        assertThat(sink.scrape()).contains("business_orders_total{").doesNotContain("o-123");
    }

    private static Map<String, Object> keyValues(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }
}
