package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.MetricsConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private final InMemoryMetricsSink sink = InMemoryMetricsSink.create();
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(3));

    @Test
    void a_counter_gets_total_appended_to_its_name() {
        metrics.counter("user_signups", 1, Map.of("plan", "pro"));
        metrics.counter("user_signups", 2, Map.of("plan", "pro"));

        assertThat(sink.counterValue(MeterId.of("user_signups_total", Labels.of("plan", "pro")))).isEqualTo(3);
    }

    @Test
    void a_counter_already_ending_in_total_keeps_its_name() {
        metrics.counter("jobs_total", 1);

        assertThat(sink.meters()).containsExactly(MeterId.of("jobs_total"));
    }

    @Test
    void a_gauge_holds_the_last_value() {
        metrics.gauge("active_connections", 45);
        metrics.gauge("active_connections", 44);

        assertThat(sink.gaugeValue(MeterId.of("active_connections"))).isEqualTo(44);
    }

    @Test
    void a_histogram_records_milliseconds_into_the_default_buckets() {
        metrics.histogram("render_duration_ms", 12.5, Map.of("view", "invoice"));

        MeterId id = MeterId.of("render_duration_ms", Labels.of("view", "invoice"));
        assertThat(sink.histogramSum(id)).isEqualTo(12.5);
        assertThat(sink.histogramBucket(id, 10)).isZero();
        assertThat(sink.histogramBucket(id, 25)).isEqualTo(1);
        assertThat(sink.histogramBucket(id, 10_000)).isEqualTo(1);
    }

    @Test
    void a_name_that_is_not_snake_case_is_refused_with_the_name() {
        assertThatThrownBy(() -> metrics.counter("user-created", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'user-created_total'");
        assertThatThrownBy(() -> metrics.gauge("ActiveConnections", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ActiveConnections'");
    }

    @Test
    void a_refused_name_records_nothing() {
        assertThatThrownBy(() -> metrics.histogram("latency.ms", 1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(sink.meters()).isEmpty();
    }

    @Test
    void labels_given_in_any_order_address_the_same_series() {
        metrics.counter("jobs", 1, Map.of("queue", "mail", "priority", "high"));
        metrics.counter("jobs", 1, Map.of("priority", "high", "queue", "mail"));

        assertThat(sink.counterValue(MeterId.of("jobs_total", Labels.of("priority", "high", "queue", "mail"))))
                .isEqualTo(2);
    }

    @Test
    void label_values_are_sanitised() {
        metrics.counter("jobs", 1, Map.of("queue", "ma\nil"));

        assertThat(sink.meters()).containsExactly(MeterId.of("jobs_total", Labels.of("queue", "mail")));
    }

    @Test
    void a_tenant_label_given_by_the_caller_obeys_the_cap() {
        for (String tenant : new String[] {"t1", "t2", "t3", "t4", "t5"}) {
            metrics.counter("user_signups", 1, Map.of("tenant", tenant));
        }

        assertThat(sink.meters("user_signups_total"))
                .extracting(id -> id.labels().get("tenant"))
                .containsExactlyInAnyOrder("t1", "t2", "t3", "other");
    }

    @Test
    void the_tenant_cap_comes_from_the_configuration() {
        Metrics configured = Metrics.create(sink, new MetricsConfig(true, Optional.empty(), 1));

        configured.counter("user_signups", 1, Map.of("tenant", "t1"));
        configured.counter("user_signups", 1, Map.of("tenant", "t2"));

        assertThat(sink.meters("user_signups_total"))
                .extracting(id -> id.labels().get("tenant"))
                .containsExactlyInAnyOrder("t1", "other");
    }
}
