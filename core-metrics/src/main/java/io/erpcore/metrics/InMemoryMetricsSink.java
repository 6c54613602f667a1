package io.erpcore.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link MetricsSink} that keeps every series in memory and answers questions about them, for
 * the tests of services that record metrics. It validates names like a production sink.
 *
 * <p>The readers throw {@link NoSuchElementException} for a series never registered, so a test
 * with a misspelt id fails instead of reading 0.
 */
public final class InMemoryMetricsSink implements MetricsSink {

    private final ConcurrentHashMap<MeterId, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, Gauge> gauges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, Histogram> histograms = new ConcurrentHashMap<>();

    private InMemoryMetricsSink() {
    }

    /** An empty sink. */
    public static InMemoryMetricsSink create() {
        return new InMemoryMetricsSink();
    }

    @Override
    public CounterMeter counter(MeterId id) {
        // Validating inside computeIfAbsent checks each id once, and a refused id is never stored.
        return counters.computeIfAbsent(id, key -> {
            MetricNames.requireCounterId(key);
            return new Counter();
        });
    }

    @Override
    public GaugeMeter gauge(MeterId id) {
        return gauges.computeIfAbsent(id, key -> {
            MetricNames.requireGaugeId(key);
            return new Gauge();
        });
    }

    @Override
    public HistogramMeter histogram(MeterId id, double[] bucketBoundsMs) {
        return histograms.computeIfAbsent(id, key -> {
            MetricNames.requireHistogramId(key);
            return new Histogram(bucketBoundsMs);
        });
    }

    /** Every series registered so far, of every kind. */
    public Set<MeterId> meters() {
        Set<MeterId> all = new HashSet<>(counters.keySet());
        all.addAll(gauges.keySet());
        all.addAll(histograms.keySet());
        return all;
    }

    /** The series registered so far under metric {@code name}. */
    public Set<MeterId> meters(String name) {
        Set<MeterId> named = new HashSet<>();
        for (MeterId id : meters()) {
            if (id.name().equals(name)) {
                named.add(id);
            }
        }
        return named;
    }

    /** The value of counter {@code id}. */
    public double counterValue(MeterId id) {
        return find(counters, id, "counter").sum.sum();
    }

    /** The value of gauge {@code id}. */
    public double gaugeValue(MeterId id) {
        return find(gauges, id, "gauge").value;
    }

    /** How many values histogram {@code id} recorded. */
    public long histogramCount(MeterId id) {
        return find(histograms, id, "histogram").count.sum();
    }

    /** The sum of the values histogram {@code id} recorded. */
    public double histogramSum(MeterId id) {
        return find(histograms, id, "histogram").sum.sum();
    }

    /** How many values of histogram {@code id} were at most {@code upperBound}, as in a Prometheus {@code le} bucket. */
    public long histogramBucket(MeterId id, double upperBound) {
        return find(histograms, id, "histogram").cumulativeCount(upperBound);
    }

    private static <M> M find(ConcurrentHashMap<MeterId, M> meters, MeterId id, String kind) {
        M meter = meters.get(id);
        if (meter == null) {
            throw new NoSuchElementException("No " + kind + " " + id + " was registered; registered: " + meters.keySet());
        }
        return meter;
    }

    private static final class Counter implements CounterMeter {
        private final DoubleAdder sum = new DoubleAdder();

        @Override
        public void increment(double amount) {
            if (amount > 0) {
                sum.add(amount);
            }
        }
    }

    private static final class Gauge implements GaugeMeter {
        private volatile double value;

        @Override
        public void set(double value) {
            this.value = value;
        }
    }

    private static final class Histogram implements HistogramMeter {
        private final double[] bounds;
        private final LongAdder[] buckets; // non-cumulative; the last one is +Inf
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram(double[] bounds) {
            this.bounds = bounds.clone();
            this.buckets = new LongAdder[bounds.length + 1];
            Arrays.setAll(buckets, i -> new LongAdder());
        }

        @Override
        public void record(double value) {
            if (!(value >= 0)) {
                return; // negative or NaN, as the port allows
            }
            int bucket = 0;
            while (bucket < bounds.length && value > bounds[bucket]) {
                bucket++;
            }
            buckets[bucket].increment();
            count.increment();
            sum.add(value);
        }

        long cumulativeCount(double upperBound) {
            long total = 0;
            for (int i = 0; i < bounds.length && bounds[i] <= upperBound; i++) {
                total += buckets[i].sum();
            }
            return upperBound == Double.POSITIVE_INFINITY ? count.sum() : total;
        }
    }
}
