package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTimingTest {

    private static final MeterId SUCCESS = MeterId.of("db_query_ms", Labels.of("outcome", "success"));
    private static final MeterId FAILURE = MeterId.of("db_query_ms", Labels.of("outcome", "failure"));

    private final InMemoryMetricsSink sink = InMemoryMetricsSink.create();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(3), nanos::get);

    @Test
    void stopping_a_timer_records_and_returns_the_elapsed_milliseconds() {
        TimerHandle timer = metrics.startTimer("api_request_ms", Map.of("route", "/users"));
        nanos.addAndGet(12_500_000);

        assertThat(metrics.stopTimer(timer)).isEqualTo(12.5);
        MeterId id = MeterId.of("api_request_ms", Labels.of("route", "/users"));
        assertThat(sink.histogramCount(id)).isEqualTo(1);
        assertThat(sink.histogramSum(id)).isEqualTo(12.5);
    }

    @Test
    void stopping_a_timer_twice_records_once_and_returns_the_first_duration() {
        TimerHandle timer = metrics.startTimer("api_request_ms");
        nanos.addAndGet(3_000_000);
        metrics.stopTimer(timer);
        nanos.addAndGet(7_000_000);

        assertThat(metrics.stopTimer(timer)).isEqualTo(3.0);
        assertThat(sink.histogramCount(MeterId.of("api_request_ms"))).isEqualTo(1);
    }

    @Test
    void starting_a_timer_with_a_bad_name_fails_at_once() {
        assertThatThrownBy(() -> metrics.startTimer("api.request"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api.request'");
    }

    @Test
    void measure_returns_the_result_and_records_a_success() throws Exception {
        String result = metrics.measure("db_query_ms", () -> {
            nanos.addAndGet(4_000_000);
            return "rows";
        });

        assertThat(result).isEqualTo("rows");
        assertThat(sink.histogramSum(SUCCESS)).isEqualTo(4.0);
        assertThat(sink.histogramCount(FAILURE)).isZero();
    }

    @Test
    void measure_rethrows_the_same_exception_and_records_a_failure() {
        IOException failure = new IOException("disk gone");

        assertThatThrownBy(() -> metrics.measure("db_query_ms", () -> {
            nanos.addAndGet(2_000_000);
            throw failure;
        })).isSameAs(failure);
        assertThat(sink.histogramSum(FAILURE)).isEqualTo(2.0);
        assertThat(sink.histogramCount(SUCCESS)).isZero();
    }

    @Test
    void measure_counts_an_unchecked_exception_as_a_failure() {
        assertThatThrownBy(() -> metrics.measure("db_query_ms", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sink.histogramCount(FAILURE)).isEqualTo(1);
    }

    @Test
    void measure_keeps_the_callers_labels_next_to_the_outcome() throws Exception {
        metrics.measure("db_query_ms", Map.of("table", "users"), () -> 1);

        assertThat(sink.histogramCount(MeterId.of("db_query_ms", Labels.of("table", "users", "outcome", "success"))))
                .isEqualTo(1);
    }

    @Test
    void measure_with_a_bad_name_fails_before_the_work_runs() {
        AtomicLong runs = new AtomicLong();

        assertThatThrownBy(() -> metrics.measure("db-query", runs::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(0);
    }
}
