package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class InMemoryMetricsSinkTest extends MetricsSinkContract {

    @Override
    protected MetricsSink newSink() {
        return InMemoryMetricsSink.create();
    }

    @Override
    protected double counterValue(MetricsSink sink, MeterId id) {
        return ((InMemoryMetricsSink) sink).counterValue(id);
    }

    @Override
    protected double gaugeValue(MetricsSink sink, MeterId id) {
        return ((InMemoryMetricsSink) sink).gaugeValue(id);
    }

    @Override
    protected long histogramCount(MetricsSink sink, MeterId id) {
        return ((InMemoryMetricsSink) sink).histogramCount(id);
    }

    @Override
    protected double histogramSum(MetricsSink sink, MeterId id) {
        return ((InMemoryMetricsSink) sink).histogramSum(id);
    }

    @Override
    protected long histogramBucket(MetricsSink sink, MeterId id, double upperBound) {
        return ((InMemoryMetricsSink) sink).histogramBucket(id, upperBound);
    }

    @Test
    void reading_a_series_never_registered_fails_and_names_it() {
        InMemoryMetricsSink sink = InMemoryMetricsSink.create();
        sink.counter(MeterId.of("jobs_total"));

        assertThatThrownBy(() -> sink.counterValue(MeterId.of("job_total")))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("job_total")
                .hasMessageContaining("registered: [jobs_total{}]");
    }

    @Test
    void lists_the_series_registered_under_a_name() {
        InMemoryMetricsSink sink = InMemoryMetricsSink.create();
        sink.counter(MeterId.of("jobs_total", Labels.of("queue", "mail")));
        sink.counter(MeterId.of("jobs_total", Labels.of("queue", "billing")));
        sink.gauge(MeterId.of("queue_depth"));

        assertThat(sink.meters("jobs_total")).containsExactlyInAnyOrder(
                MeterId.of("jobs_total", Labels.of("queue", "mail")),
                MeterId.of("jobs_total", Labels.of("queue", "billing")));
        assertThat(sink.meters()).hasSize(3);
    }

    @Test
    void a_refused_id_is_not_registered() {
        InMemoryMetricsSink sink = InMemoryMetricsSink.create();

        assertThatThrownBy(() -> sink.counter(MeterId.of("jobs"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(sink.meters()).isEmpty();
    }
}
