package io.erpcore.metrics;

/**
 * Where measurements go: the port a metrics backend (Prometheus through Micrometer, an in-memory
 * store for tests) implements.
 *
 * <p>Contract, which {@code MetricsSinkContract} in this module's test-jar checks for every
 * implementation:
 * <ul>
 *   <li><b>Registration is idempotent.</b> Asking twice for the same {@link MeterId} returns the
 *       same meter; a sink registers each id once with its backend, never per call. For a
 *       histogram, the bucket bounds of the first registration win.</li>
 *   <li><b>Thread-safe.</b> Every method, and every method of the returned meters, may be called
 *       from any number of threads at once; concurrent increments are never lost. Nothing blocks
 *       on I/O.</li>
 *   <li><b>Names are final.</b> An id carries the exact snake_case Prometheus name to export
 *       ({@code http_requests_total}); a sink must not prefix, suffix or rename it. Counters end in
 *       {@code _total}. Histogram values and bounds are in the unit the name states
 *       ({@code _ms}: milliseconds); a sink must not convert them.</li>
 *   <li><b>Never throws into the caller for valid input.</b> Registration refuses an id that
 *       breaks the rules of {@link MetricNames} ({@code requireCounterId} and friends) with an
 *       {@link IllegalArgumentException}, so a bad name fails where it is written rather than in
 *       the scrape. Recording never throws: counter increments that are not positive and histogram
 *       values that are negative or NaN are ignored.</li>
 *   <li>Arguments are never {@code null}.</li>
 * </ul>
 */
public interface MetricsSink {

    /** The counter identified by {@code id}, registered on first use. */
    CounterMeter counter(MeterId id);

    /** The gauge identified by {@code id}, registered on first use; it reads 0 until set. */
    GaugeMeter gauge(MeterId id);

    /**
     * The histogram identified by {@code id}, registered on first use with cumulative buckets at
     * the ascending upper bounds {@code bucketBoundsMs} (in the unit of the name) plus
     * {@code +Inf}. The sink copies the array; the caller may reuse it.
     */
    HistogramMeter histogram(MeterId id, double[] bucketBoundsMs);
}
