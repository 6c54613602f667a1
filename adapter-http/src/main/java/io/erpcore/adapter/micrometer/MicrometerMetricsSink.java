package io.erpcore.adapter.micrometer;

import io.erpcore.metrics.CounterMeter;
import io.erpcore.metrics.GaugeMeter;
import io.erpcore.metrics.HistogramMeter;
import io.erpcore.metrics.Labels;
import io.erpcore.metrics.MeterId;
import io.erpcore.metrics.MetricNames;
import io.erpcore.metrics.MetricsSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link MetricsSink} over Micrometer's Prometheus registry, which also carries the JVM and
 * process metrics and renders the {@code /metrics} text.
 *
 * <p>Every series is exported under exactly the name of its {@link MeterId}: counters as Micrometer
 * counters (the id already ends in {@code _total}, which Prometheus' naming keeps as the counter
 * suffix instead of adding a second one), gauges as Micrometer gauges, histograms as
 * {@link DistributionSummary distribution summaries} whose service-level objectives are the bucket
 * bounds and which have no base unit, so {@code http_request_duration_ms} stays
 * {@code http_request_duration_ms_bucket/_sum/_count} in milliseconds. Micrometer adds a
 * {@code <name>_max} gauge next to each histogram (the largest value in a decaying window); it is
 * harmless and kept. Names that Prometheus would rename are refused on registration by
 * {@link MetricNames}. Micrometer orders tags by name, so labels appear sorted in the output.
 */
public final class MicrometerMetricsSink implements MetricsSink, AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final ConcurrentHashMap<MeterId, CounterMeter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, MicrometerGaugeMeter> gauges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, HistogramMeter> histograms = new ConcurrentHashMap<>();

    private MicrometerMetricsSink(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics) {
        this.registry = registry;
        this.gcMetrics = gcMetrics;
    }

    /**
     * A sink over a new Prometheus registry with memory, garbage collection, thread, class
     * loading, process CPU and uptime metrics bound. Close it to unhook the GC listeners.
     */
    public static MicrometerMetricsSink prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new MicrometerMetricsSink(registry, gcMetrics);
    }

    @Override
    public CounterMeter counter(MeterId id) {
        CounterMeter meter = counters.get(id);
        return meter != null ? meter : counters.computeIfAbsent(id, this::registerCounter);
    }

    @Override
    public GaugeMeter gauge(MeterId id) {
        MicrometerGaugeMeter meter = gauges.get(id);
        return meter != null ? meter : gauges.computeIfAbsent(id, this::registerGauge);
    }

    @Override
    public HistogramMeter histogram(MeterId id, double[] bucketBoundsMs) {
        HistogramMeter meter = histograms.get(id);
        return meter != null ? meter : histograms.computeIfAbsent(id, key -> registerHistogram(key, bucketBoundsMs));
    }

    /** Every registered series in the Prometheus text exposition format, as served at {@code /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    /** The Micrometer registry, for adapters that bind their own meters (connection pools, for instance). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Unhooks the garbage collection listeners and closes the registry. */
    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    private CounterMeter registerCounter(MeterId id) {
        MetricNames.requireCounterId(id);
        Counter counter = Counter.builder(id.name()).tags(tags(id.labels())).register(registry);
        // Micrometer ignores increments that are not positive, as the port requires.
        return counter::increment;
    }

    private MicrometerGaugeMeter registerGauge(MeterId id) {
        MetricNames.requireGaugeId(id);
        MicrometerGaugeMeter holder = new MicrometerGaugeMeter();
        // Micrometer holds a gauge's object weakly by default; a collected holder would read NaN.
        Gauge.builder(id.name(), holder, MicrometerGaugeMeter::value)
                .tags(tags(id.labels())).strongReference(true).register(registry);
        return holder;
    }

    private HistogramMeter registerHistogram(MeterId id, double[] bucketBoundsMs) {
        MetricNames.requireHistogramId(id);
        // No baseUnit: Micrometer would append it to the name (http_request_duration_ms_milliseconds).
        DistributionSummary summary = DistributionSummary.builder(id.name())
                .tags(tags(id.labels()))
                .serviceLevelObjectives(bucketBoundsMs.clone())
                .register(registry);
        // Micrometer ignores negative and NaN values, as the port requires.
        return summary::record;
    }

    private static List<Tag> tags(Labels labels) {
        List<Tag> tags = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            tags.add(Tag.of(labels.name(i), labels.value(i)));
        }
        return tags;
    }

    /** A gauge's current value, held strongly by the sink so Micrometer can always read it. */
    private static final class MicrometerGaugeMeter implements GaugeMeter {
        private volatile double value;

        @Override
        public void set(double value) {
            this.value = value;
        }

        double value() {
            return value;
        }
    }
}
