package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricNamesTest {

    @Test
    void a_counter_name_gets_total_appended_unless_it_ends_in_it() {
        assertThat(MetricNames.counterName("user_signups")).isEqualTo("user_signups_total");
        assertThat(MetricNames.counterName("http_requests_total")).isEqualTo("http_requests_total");
    }

    @Test
    void the_catalogue_ids_are_valid() {
        for (String counter : new String[] {MetricNames.HTTP_REQUESTS_TOTAL, MetricNames.HTTP_ERRORS_TOTAL,
                MetricNames.DB_OPERATIONS_TOTAL, MetricNames.LOG_EVENTS_DROPPED_TOTAL,
                MetricNames.RATE_LIMIT_REJECTIONS_TOTAL, MetricNames.RATE_LIMIT_STORE_FAILURES_TOTAL}) {
            assertThat(MetricNames.requireCounterId(MeterId.of(counter))).isNotNull();
        }
        assertThat(MetricNames.requireHistogramId(MeterId.of(MetricNames.HTTP_REQUEST_DURATION_MS))).isNotNull();
        assertThat(MetricNames.requireHistogramId(MeterId.of(MetricNames.DB_OPERATION_DURATION_MS))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Requests", "http.requests", "http-requests", "9lives", "cpu_%"})
    void a_name_that_is_not_snake_case_is_refused(String name) {
        assertThatThrownBy(() -> MetricNames.requireGaugeId(MeterId.of(name)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Metric name '" + name + "' must match [a-z_][a-z0-9_]* (snake_case Prometheus name)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue_total", "user_created", "build_info", "latency_bucket", "jobs_count", "jobs_sum", "latency_max"})
    void a_gauge_or_histogram_name_with_a_reserved_suffix_is_refused(String name) {
        assertThatThrownBy(() -> MetricNames.requireHistogramId(MeterId.of(name)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Metric name '" + name + "' must not end in '_");
    }

    @Test
    void a_counter_whose_stem_has_a_reserved_suffix_is_refused() {
        assertThatThrownBy(() -> MetricNames.requireCounterId(MeterId.of("user_created_total")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Metric name 'user_created_total' must not end in '_created' before '_total': "
                        + "Prometheus reserves that suffix and would rename or reject the metric");
        assertThatThrownBy(() -> MetricNames.requireCounterId(MeterId.of("_total")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "quantile", "__name__", "status-code", "1st"})
    void a_reserved_or_malformed_label_name_is_refused(String label) {
        assertThatThrownBy(() -> MetricNames.requireCounterId(MeterId.of("jobs_total", Labels.of(label, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Label name '" + label + "' of metric 'jobs_total' must match");
    }

    @Test
    void a_label_name_given_twice_is_refused() {
        assertThatThrownBy(() -> MetricNames.requireGaugeId(MeterId.of("queue_depth", Labels.of("q", "a", "q", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Label name 'q' appears twice on metric 'queue_depth'");
    }
}
