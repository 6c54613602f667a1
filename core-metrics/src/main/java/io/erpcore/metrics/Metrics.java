package io.erpcore.metrics;

import static io.erpcore.metrics.MetricNames.LABEL_CATEGORY;
import static io.erpcore.metrics.MetricNames.LABEL_METHOD;
import static io.erpcore.metrics.MetricNames.LABEL_OPERATION;
import static io.erpcore.metrics.MetricNames.LABEL_OUTCOME;
import static io.erpcore.metrics.MetricNames.LABEL_PATH;
import static io.erpcore.metrics.MetricNames.LABEL_STATUS_CODE;
import static io.erpcore.metrics.MetricNames.LABEL_SUCCESS;
import static io.erpcore.metrics.MetricNames.LABEL_TABLE;
import static io.erpcore.metrics.MetricNames.LABEL_TENANT;
import static io.erpcore.metrics.MetricNames.LABEL_UNIT;

import io.erpcore.config.MetricsConfig;
import io.erpcore.logging.ThrowingSupplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The metrics API of the specification: counters, gauges, histograms, timers, business metrics
 * and the per-request and per-query recordings, over any {@link MetricsSink}.
 *
 * <p>Names are snake_case Prometheus names ({@code [a-z_][a-z0-9_]*}, see {@link MetricNames} for
 * the reserved suffixes); a bad name fails with an {@link IllegalArgumentException} the first time
 * it is used. Label values are sanitised ({@link LabelValues}), and a label called {@code tenant}
 * always passes through the {@link TenantLabelPolicy}, so the cap on tenant series holds for every
 * metric. Histograms are in milliseconds with buckets {@code 5, 10, 25, 50, 100, 250, 500, 1000,
 * 2500, 5000, 10000}; the built-in ones carry no tenant label, which would multiply their twelve
 * series per label set by the number of tenants.
 *
 * <p>Thread-safe. Meters are looked up in a cache, so recording an existing series costs building
 * its {@link MeterId}, one map lookup and the increment; nothing here blocks.
 */
public final class Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final double[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
    private static final String TENANT_ID_KEY = "tenantId";
    private static final String NONE = "none";
    private static final String SUCCESS = "success";
    private static final String FAILURE = "failure";

    private final MetricsSink sink;
    private final TenantLabelPolicy tenants;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<MeterId, CounterMeter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, CounterMeter> businessCounters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, GaugeMeter> gauges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MeterId, HistogramMeter> histograms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Labels, RequestMeters> requestMeters = new ConcurrentHashMap<>();

    private Metrics(MetricsSink sink, TenantLabelPolicy tenants, LongSupplier nanoClock) {
        this.sink = sink;
        this.tenants = tenants;
        this.nanoClock = nanoClock;
    }

    /**
     * Metrics into {@code sink} with the tenant cap {@code METRICS_TENANT_LABEL_CAP}. Whether
     * {@code /metrics} is served ({@code METRICS_ENABLED}) is the host's decision, not this class's.
     */
    public static Metrics create(MetricsSink sink, MetricsConfig config) {
        return create(sink, TenantLabelPolicy.capped(config.tenantLabelCap()));
    }

    /** Metrics into {@code sink}, with tenant labels bounded by {@code tenants}. */
    public static Metrics create(MetricsSink sink, TenantLabelPolicy tenants) {
        return create(sink, tenants, System::nanoTime);
    }

    // Tests pass a clock they control.
    static Metrics create(MetricsSink sink, TenantLabelPolicy tenants, LongSupplier nanoClock) {
        return new Metrics(sink, tenants, nanoClock);
    }

    /** Adds {@code value} to counter {@code name}; {@code _total} is appended unless the name ends in it. */
    public void counter(String name, double value) {
        counter(name, value, Map.of());
    }

    /** Adds {@code value} to the series of counter {@code name} with these labels; non-positive values are ignored. */
    public void counter(String name, double value, Map<String, String> labels) {
        counter(new MeterId(name, labelsOf(labels))).increment(value);
    }

    /** Sets gauge {@code name} to {@code value}. */
    public void gauge(String name, double value) {
        gauge(name, value, Map.of());
    }

    /** Sets the series of gauge {@code name} with these labels to {@code value}. */
    public void gauge(String name, double value, Map<String, String> labels) {
        MeterId id = new MeterId(name, labelsOf(labels));
        GaugeMeter meter = gauges.get(id);
        if (meter == null) {
            meter = gauges.computeIfAbsent(id, key -> sink.gauge(MetricNames.requireGaugeId(key)));
        }
        meter.set(value);
    }

    /** Records {@code valueMs} into histogram {@code name}. */
    public void histogram(String name, double valueMs) {
        histogram(name, valueMs, Map.of());
    }

    /** Records {@code valueMs} into the series of histogram {@code name} with these labels. */
    public void histogram(String name, double valueMs, Map<String, String> labels) {
        histogram(new MeterId(name, labelsOf(labels))).record(valueMs);
    }

    /** Starts timing into histogram {@code name}; the name is checked now, so stopping never throws. */
    public TimerHandle startTimer(String name) {
        return startTimer(name, Map.of());
    }

    /** Starts timing into the series of histogram {@code name} with these labels. */
    public TimerHandle startTimer(String name, Map<String, String> labels) {
        HistogramMeter meter = histogram(new MeterId(name, labelsOf(labels)));
        return new TimerHandle(name, meter, nanoClock.getAsLong());
    }

    /**
     * Records the milliseconds since {@code timer} started and returns them. A timer records
     * once: stopping it again records nothing and returns the duration of the first stop.
     */
    public double stopTimer(TimerHandle timer) {
        return timer.stop(nanoClock.getAsLong());
    }

    /** Runs {@code work}, recording its milliseconds into histogram {@code name}; see {@link #measure(String, Map, ThrowingSupplier)}. */
    public <T, E extends Exception> T measure(String name, ThrowingSupplier<T, E> work) throws E {
        return measure(name, Map.of(), work);
    }

    /**
     * Runs {@code work} and records its milliseconds into histogram {@code name} with label
     * {@code outcome=success}, or {@code outcome=failure} if it threw (replacing any
     * {@code outcome} label of the caller's); whatever it threw is rethrown unchanged. Both series are registered before the work runs, so a bad name fails
     * before the work and a rate of failures reads 0 rather than nothing.
     */
    public <T, E extends Exception> T measure(String name, Map<String, String> labels, ThrowingSupplier<T, E> work)
            throws E {
        Labels base = labelsOf(labels);
        HistogramMeter success = histogram(new MeterId(name, base.with(LABEL_OUTCOME, SUCCESS)));
        HistogramMeter failure = histogram(new MeterId(name, base.with(LABEL_OUTCOME, FAILURE)));
        long start = nanoClock.getAsLong();
        boolean succeeded = false;
        try {
            T result = work.get();
            succeeded = true;
            return result;
        } finally {
            (succeeded ? success : failure).record((nanoClock.getAsLong() - start) / 1_000_000.0);
        }
    }

    /** Adds {@code value} to business metric {@code name} without a unit or metadata. */
    public void business(String name, double value, String category) {
        business(name, value, category, null, Map.of());
    }

    /** Adds {@code value} to business metric {@code name} in {@code unit} ({@code USD}). */
    public void business(String name, double value, String category, String unit) {
        business(name, value, category, unit, Map.of());
    }

    /**
     * Adds {@code value} to counter {@code business_<name>_total{category,unit,tenant}}. The
     * tenant is metadata key {@code tenantId} through the tenant policy ({@code none} if absent);
     * a missing unit or category is {@code none}. Category and unit should come from a closed set
     * written in code. The rest of the metadata does not become labels, whose every distinct value
     * would be a new series: it is logged at DEBUG with the metric, as SLF4J key-value pairs.
     * Business metrics are counters, so values that are not positive are ignored.
     */
    public void business(String name, double value, String category, String unit, Map<String, ?> metadata) {
        Map<String, ?> context = metadata == null ? Map.of() : metadata;
        Object tenantId = context.get(TENANT_ID_KEY);
        Labels labels = Labels.of(LABEL_CATEGORY, orNone(category), LABEL_UNIT, orNone(unit),
                LABEL_TENANT, tenants.labelFor(tenantId == null ? null : tenantId.toString()));
        businessCounter(new MeterId(name, labels)).increment(value);
        logBusinessMetadata(name, value, context);
    }

    /**
     * Records one served request: {@code http_requests_total{method,path,status_code,tenant}},
     * {@code http_request_duration_ms{method,path}} and, for a status of 400 or more,
     * {@code http_errors_total{method,path,status_code,tenant}}. {@code path} must be the route
     * template ({@code /api/v1/users/{id}}), never the raw path, whose ids would make a series per
     * entity. {@code tenantId} may be null.
     */
    public void recordRequest(String method, String path, int statusCode, double durationMs, String tenantId) {
        Labels counted = Labels.of(LABEL_METHOD, LabelValues.method(method), LABEL_PATH, LabelValues.sanitize(path),
                LABEL_STATUS_CODE, LabelValues.statusCode(statusCode), LABEL_TENANT, tenants.labelFor(tenantId));
        RequestMeters meters = requestMeters.get(counted);
        if (meters == null) {
            meters = requestMeters.computeIfAbsent(counted, labels -> requestMeters(labels, statusCode >= 400));
        }
        meters.requests().increment(1);
        meters.duration().record(durationMs);
        if (meters.errors() != null) {
            meters.errors().increment(1);
        }
    }

    // One lookup per request finds all three meters of a label set.
    private RequestMeters requestMeters(Labels counted, boolean failed) {
        Labels timed = Labels.of(LABEL_METHOD, counted.get(LABEL_METHOD), LABEL_PATH, counted.get(LABEL_PATH));
        return new RequestMeters(
                counter(new MeterId(MetricNames.HTTP_REQUESTS_TOTAL, counted)),
                histogram(new MeterId(MetricNames.HTTP_REQUEST_DURATION_MS, timed)),
                failed ? counter(new MeterId(MetricNames.HTTP_ERRORS_TOTAL, counted)) : null);
    }

    /** The meters of one request label set; {@code errors} is null for a status below 400. */
    private record RequestMeters(CounterMeter requests, HistogramMeter duration, CounterMeter errors) {
    }

    /**
     * Records one database operation: {@code db_operations_total{operation,table,success,tenant}}
     * and {@code db_operation_duration_ms{operation,table}}. {@code tenantId} may be null.
     */
    public void recordDatabase(String operation, String table, double durationMs, boolean success, String tenantId) {
        String operationLabel = LabelValues.sanitize(operation);
        String tableLabel = LabelValues.sanitize(table);
        counter(new MeterId(MetricNames.DB_OPERATIONS_TOTAL, Labels.of(LABEL_OPERATION, operationLabel,
                LABEL_TABLE, tableLabel, LABEL_SUCCESS, success ? "true" : "false",
                LABEL_TENANT, tenants.labelFor(tenantId)))).increment(1);
        histogram(new MeterId(MetricNames.DB_OPERATION_DURATION_MS,
                Labels.of(LABEL_OPERATION, operationLabel, LABEL_TABLE, tableLabel))).record(durationMs);
    }

    // Keyed by the name as the caller wrote it, so the hot path never concatenates "_total".
    private CounterMeter counter(MeterId key) {
        CounterMeter meter = counters.get(key);
        return meter != null ? meter : counters.computeIfAbsent(key, id -> sink.counter(
                MetricNames.requireCounterId(new MeterId(MetricNames.counterName(id.name()), id.labels()))));
    }

    private CounterMeter businessCounter(MeterId key) {
        CounterMeter meter = businessCounters.get(key);
        return meter != null ? meter : businessCounters.computeIfAbsent(key, id -> sink.counter(MetricNames.requireCounterId(
                new MeterId(MetricNames.BUSINESS_PREFIX + MetricNames.counterName(id.name()), id.labels()))));
    }

    private HistogramMeter histogram(MeterId id) {
        HistogramMeter meter = histograms.get(id);
        return meter != null ? meter : histograms.computeIfAbsent(id,
                key -> sink.histogram(MetricNames.requireHistogramId(key), BUCKETS_MS.clone()));
    }

    private Labels labelsOf(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Labels.of();
        }
        return Labels.from(labels, (name, value) ->
                LABEL_TENANT.equals(name) ? tenants.labelFor(value) : LabelValues.sanitize(value));
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : LabelValues.sanitize(value);
    }

    private static void logBusinessMetadata(String name, double value, Map<String, ?> metadata) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        LoggingEventBuilder event = LOG.atDebug().setMessage("Business metric recorded")
                .addKeyValue("metric", name).addKeyValue("value", value);
        metadata.forEach(event::addKeyValue);
        event.log();
    }
}
