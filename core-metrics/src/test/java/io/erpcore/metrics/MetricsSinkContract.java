package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MetricsSink} promises. An implementation's test extends this class,
 * creates a fresh sink and reads values back through its own backend.
 */
public abstract class MetricsSinkContract {

    private static final double[] BUCKETS_MS = {5, 10, 25};
    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 10_000;

    private MetricsSink sink;

    /** A new, empty sink; called before each test. */
    protected abstract MetricsSink newSink();

    /** The current value of counter {@code id} in {@code sink}'s backend. */
    protected abstract double counterValue(MetricsSink sink, MeterId id);

    /** The current value of gauge {@code id} in {@code sink}'s backend. */
    protected abstract double gaugeValue(MetricsSink sink, MeterId id);

    /** How many values histogram {@code id} holds in {@code sink}'s backend. */
    protected abstract long histogramCount(MetricsSink sink, MeterId id);

    /** The sum of the values of histogram {@code id} in {@code sink}'s backend. */
    protected abstract double histogramSum(MetricsSink sink, MeterId id);

    /** How many values of histogram {@code id} are at most {@code upperBound} (the Prometheus {@code le} bucket). */
    protected abstract long histogramBucket(MetricsSink sink, MeterId id, double upperBound);

    @BeforeEach
    final void createSink() {
        sink = newSink();
    }

    @Test
    void the_same_id_returns_the_same_meter() {
        MeterId id = MeterId.of("jobs_total", Labels.of("queue", "mail"));
        MeterId equalId = MeterId.of("jobs_total", Labels.of("queue", "mail"));

        assertThat(sink.counter(equalId)).isSameAs(sink.counter(id));
        assertThat(sink.gauge(MeterId.of("queue_depth"))).isSameAs(sink.gauge(MeterId.of("queue_depth")));
        assertThat(sink.histogram(MeterId.of("job_duration_ms"), BUCKETS_MS))
                .isSameAs(sink.histogram(MeterId.of("job_duration_ms"), BUCKETS_MS));
    }

    @Test
    void a_counter_adds_up_its_increments() {
        MeterId id = MeterId.of("jobs_total");

        sink.counter(id).increment(1);
        sink.counter(id).increment(2.5);

        assertThat(counterValue(sink, id)).isEqualTo(3.5);
    }

    @Test
    void a_counter_ignores_amounts_that_are_not_positive() {
        MeterId id = MeterId.of("jobs_total");
        CounterMeter counter = sink.counter(id);

        counter.increment(2);
        counter.increment(-1);
        counter.increment(0);
        counter.increment(Double.NaN);

        assertThat(counterValue(sink, id)).isEqualTo(2);
    }

    @Test
    void a_gauge_holds_the_last_value_set() {
        MeterId id = MeterId.of("open_connections");

        sink.gauge(id).set(45);
        sink.gauge(id).set(12);

        assertThat(gaugeValue(sink, id)).isEqualTo(12);
    }

    @Test
    void a_histogram_counts_and_sums_its_values() {
        MeterId id = MeterId.of("job_duration_ms");
        HistogramMeter histogram = sink.histogram(id, BUCKETS_MS);

        histogram.record(12.5);
        histogram.record(3);

        assertThat(histogramCount(sink, id)).isEqualTo(2);
        assertThat(histogramSum(sink, id)).isEqualTo(15.5);
    }

    @Test
    void a_histogram_counts_values_into_cumulative_buckets_at_their_upper_bounds() {
        MeterId id = MeterId.of("job_duration_ms");
        HistogramMeter histogram = sink.histogram(id, BUCKETS_MS);

        for (double value : new double[] {3, 5, 7, 30}) {
            histogram.record(value);
        }

        assertThat(histogramBucket(sink, id, 5)).isEqualTo(2);
        assertThat(histogramBucket(sink, id, 10)).isEqualTo(3);
        assertThat(histogramBucket(sink, id, 25)).isEqualTo(3);
        assertThat(histogramBucket(sink, id, Double.POSITIVE_INFINITY)).isEqualTo(4);
    }

    @Test
    void a_histogram_ignores_negative_and_nan_values() {
        MeterId id = MeterId.of("job_duration_ms");
        HistogramMeter histogram = sink.histogram(id, BUCKETS_MS);

        histogram.record(-1);
        histogram.record(Double.NaN);
        histogram.record(4);

        assertThat(histogramCount(sink, id)).isEqualTo(1);
        assertThat(histogramSum(sink, id)).isEqualTo(4);
    }

    @Test
    void labels_distinguish_meters_of_one_name() {
        MeterId mail = MeterId.of("jobs_total", Labels.of("queue", "mail"));
        MeterId billing = MeterId.of("jobs_total", Labels.of("queue", "billing"));

        sink.counter(mail).increment(1);
        sink.counter(billing).increment(5);

        assertThat(counterValue(sink, mail)).isEqualTo(1);
        assertThat(counterValue(sink, billing)).isEqualTo(5);
    }

    @Test
    void concurrent_increments_from_eight_threads_add_up_exactly() throws InterruptedException {
        MeterId counterId = MeterId.of("jobs_total", Labels.of("queue", "mail"));
        MeterId histogramId = MeterId.of("job_duration_ms", Labels.of("queue", "mail"));

        runConcurrently(() -> {
            // Each thread registers for itself, so registration races too.
            sink.counter(counterId).increment(1);
            sink.histogram(histogramId, BUCKETS_MS).record(2);
        });

        assertThat(counterValue(sink, counterId)).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
        assertThat(histogramCount(sink, histogramId)).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
        assertThat(histogramSum(sink, histogramId)).isEqualTo(2.0 * THREADS * INCREMENTS_PER_THREAD);
    }

    @Test
    void refuses_a_counter_whose_name_does_not_end_in_total() {
        assertThatThrownBy(() -> sink.counter(MeterId.of("jobs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jobs'");
    }

    @Test
    void refuses_a_name_that_is_not_snake_case() {
        assertThatThrownBy(() -> sink.gauge(MeterId.of("Queue.Depth")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Queue.Depth'");
    }

    @Test
    void refuses_a_name_prometheus_would_rename() {
        assertThatThrownBy(() -> sink.counter(MeterId.of("user_created_total")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'_created'");
        assertThatThrownBy(() -> sink.histogram(MeterId.of("job_count"), BUCKETS_MS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'_count'");
    }

    @Test
    void refuses_the_label_name_reserved_for_histogram_buckets() {
        assertThatThrownBy(() -> sink.histogram(MeterId.of("job_duration_ms", Labels.of("le", "5")), BUCKETS_MS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'le'");
    }

    private static void runConcurrently(Runnable increment) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    increment.run();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
