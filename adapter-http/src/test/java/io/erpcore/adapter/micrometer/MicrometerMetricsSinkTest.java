package io.erpcore.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.metrics.Labels;
import io.erpcore.metrics.MeterId;
import io.erpcore.metrics.MetricsSink;
import io.erpcore.metrics.MetricsSinkContract;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrometerMetricsSinkTest extends MetricsSinkContract {

    private final List<MicrometerMetricsSink> sinks = new ArrayList<>();

    @Override
    protected MetricsSink newSink() {
        MicrometerMetricsSink sink = MicrometerMetricsSink.prometheus();
        sinks.add(sink);
        return sink;
    }

    @AfterEach
    void closeSinks() {
        sinks.forEach(MicrometerMetricsSink::close);
    }

    @Override
    protected double counterValue(MetricsSink sink, MeterId id) {
        return meter(sink, id).measure().iterator().next().getValue();
    }

    @Override
    protected double gaugeValue(MetricsSink sink, MeterId id) {
        return meter(sink, id).measure().iterator().next().getValue();
    }

    @Override
    protected long histogramCount(MetricsSink sink, MeterId id) {
        return summary(sink, id).count();
    }

    @Override
    protected double histogramSum(MetricsSink sink, MeterId id) {
        return summary(sink, id).totalAmount();
    }

    @Override
    protected long histogramBucket(MetricsSink sink, MeterId id, double upperBound) {
        DistributionSummary summary = summary(sink, id);
        if (upperBound == Double.POSITIVE_INFINITY) {
            return summary.count();
        }
        for (CountAtBucket bucket : summary.takeSnapshot().histogramCounts()) {
            if (bucket.bucket() == upperBound) {
                return (long) bucket.count();
            }
        }
        throw new NoSuchElementException("no bucket le=" + upperBound + " in " + id);
    }

    @Test
    void a_gauge_keeps_reading_its_value_after_garbage_collection() {
        MetricsSink sink = newSink();
        sink.gauge(MeterId.of("open_connections")).set(7);

        System.gc();

        assertThat(gaugeValue(sink, MeterId.of("open_connections"))).isEqualTo(7);
    }

    @Test
    void labels_become_tags_of_the_micrometer_meter() {
        MetricsSink sink = newSink();
        sink.counter(MeterId.of("jobs_total", Labels.of("queue", "mail", "priority", "high")));

        assertThat(meter(sink, MeterId.of("jobs_total", Labels.of("queue", "mail", "priority", "high")))
                .getId().getTags()).containsExactly(Tag.of("priority", "high"), Tag.of("queue", "mail"));
    }

    private static DistributionSummary summary(MetricsSink sink, MeterId id) {
        return (DistributionSummary) meter(sink, id);
    }

    // Exactly this name and exactly these tags: Micrometer's own search also matches supersets of tags.
    private static Meter meter(MetricsSink sink, MeterId id) {
        List<Tag> tags = new ArrayList<>();
        id.labels().asMap().forEach((name, value) -> tags.add(Tag.of(name, value)));
        return ((MicrometerMetricsSink) sink).registry().getMeters().stream()
                .filter(meter -> meter.getId().getName().equals(id.name()))
                .filter(meter -> meter.getId().getTags().size() == tags.size()
                        && meter.getId().getTags().containsAll(tags))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no meter " + id));
    }
}
