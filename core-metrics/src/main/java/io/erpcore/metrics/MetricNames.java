package io.erpcore.metrics;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of metric and label names, and the rules every metric name obeys so that
 * Prometheus exports it exactly as written.
 */
public final class MetricNames {

    public static final String HTTP_REQUESTS_TOTAL = "http_requests_total";
    public static final String HTTP_REQUEST_DURATION_MS = "http_request_duration_ms";
    public static final String HTTP_ERRORS_TOTAL = "http_errors_total";
    public static final String DB_OPERATIONS_TOTAL = "db_operations_total";
    public static final String DB_OPERATION_DURATION_MS = "db_operation_duration_ms";
    public static final String LOG_EVENTS_DROPPED_TOTAL = "log_events_dropped_total";
    public static final String RATE_LIMIT_REJECTIONS_TOTAL = "rate_limit_rejections_total";
    /** Rate-limit checks the shared store (Redis) could not answer, whatever the failure mode made of them. */
    public static final String RATE_LIMIT_STORE_FAILURES_TOTAL = "rate_limit_store_failures_total";
    /** Prefix of every metric recorded through {@code Metrics.business(...)}. */
    public static final String BUSINESS_PREFIX = "business_";

    public static final String LABEL_METHOD = "method";
    public static final String LABEL_PATH = "path";
    public static final String LABEL_STATUS_CODE = "status_code";
    public static final String LABEL_TENANT = "tenant";
    public static final String LABEL_OPERATION = "operation";
    public static final String LABEL_TABLE = "table";
    public static final String LABEL_SUCCESS = "success";
    public static final String LABEL_CATEGORY = "category";
    public static final String LABEL_UNIT = "unit";
    public static final String LABEL_OUTCOME = "outcome";

    /** The suffix Prometheus requires on counters and forbids elsewhere. */
    public static final String COUNTER_SUFFIX = "_total";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /*
     * The Prometheus client strips _total, _created, _bucket and _info from a name before export
     * (a counter "user_created" leaves as "user_total"), and a name ending in _count, _sum or _max
     * collides with the series of a histogram of the shorter name, which fails the whole scrape.
     */
    private static final String[] RESERVED_SUFFIXES = {
        "_total", "_created", "_bucket", "_info", "_count", "_sum", "_max"};
    /* "le" belongs to histogram buckets, "quantile" to summaries; "__" to Prometheus itself. */
    private static final Set<String> RESERVED_LABELS = Set.of("le", "quantile");

    private MetricNames() {
    }

    /** The Prometheus name of a counter called {@code name}: {@code name} itself if it ends in {@code _total}, else {@code name_total}. */
    public static String counterName(String name) {
        return name.endsWith(COUNTER_SUFFIX) ? name : name + COUNTER_SUFFIX;
    }

    /** Returns {@code id} if it may name a counter, else throws {@link IllegalArgumentException}. */
    public static MeterId requireCounterId(MeterId id) {
        String name = id.name();
        if (!name.endsWith(COUNTER_SUFFIX)) {
            throw new IllegalArgumentException(
                    "Counter name '" + name + "' must end in '" + COUNTER_SUFFIX + "' (Prometheus convention)");
        }
        requireValid(name, name.substring(0, name.length() - COUNTER_SUFFIX.length()));
        return requireValidLabels(id);
    }

    /** Returns {@code id} if it may name a gauge, else throws {@link IllegalArgumentException}. */
    public static MeterId requireGaugeId(MeterId id) {
        requireValid(id.name(), id.name());
        return requireValidLabels(id);
    }

    /** Returns {@code id} if it may name a histogram, else throws {@link IllegalArgumentException}. */
    public static MeterId requireHistogramId(MeterId id) {
        return requireGaugeId(id);
    }

    private static void requireValid(String name, String stem) {
        if (!METRIC_NAME.matcher(name).matches() || stem.isEmpty()) {
            throw new IllegalArgumentException(
                    "Metric name '" + name + "' must match [a-z_][a-z0-9_]* (snake_case Prometheus name)");
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (stem.endsWith(suffix)) {
                throw new IllegalArgumentException("Metric name '" + name + "' must not end in '" + suffix
                        + (stem.equals(name) ? "'" : "' before '_total'")
                        + ": Prometheus reserves that suffix and would rename or reject the metric");
            }
        }
    }

    private static MeterId requireValidLabels(MeterId id) {
        Labels labels = id.labels();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = requireValidLabel(labels.name(i), id.name());
            if (!seen.add(label)) {
                throw new IllegalArgumentException("Label name '" + label + "' appears twice on metric '" + id.name() + "'");
            }
        }
        return id;
    }

    private static String requireValidLabel(String label, String metric) {
        if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__") || RESERVED_LABELS.contains(label)) {
            throw new IllegalArgumentException("Label name '" + label + "' of metric '" + metric
                    + "' must match [a-zA-Z_][a-zA-Z0-9_]*, not start with '__' and not be 'le' or 'quantile'");
        }
        return label;
    }
}
