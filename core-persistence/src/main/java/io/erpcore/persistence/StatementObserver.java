package io.erpcore.persistence;

import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens after every statement: {@code db_operations_total} and
 * {@code db_operation_duration_ms} are recorded, a statement slower than
 * {@code DATABASE_SLOW_QUERY_MS} is logged at WARN with its shape, and with
 * {@code DATABASE_LOGGING} every statement is logged at DEBUG. Only shapes are logged, never
 * bound values.
 */
public final class StatementObserver {

    private static final StructuredLogger LOG = StructuredLogger.forModule("database");
    // Applications run the same few statement texts over and over: shape each once. The bound keeps
    // texts built from data, which should not exist, from growing the map without end.
    private static final int MAX_SHAPES = 2048;

    private final Map<String, SqlShape> shapes = new ConcurrentHashMap<>();
    private final Metrics metrics;
    private final Duration slowThreshold;
    private final boolean logEveryStatement;

    private StatementObserver(Metrics metrics, Duration slowThreshold, boolean logEveryStatement) {
        this.metrics = metrics;
        this.slowThreshold = slowThreshold;
        this.logEveryStatement = logEveryStatement;
    }

    public static StatementObserver of(Metrics metrics, Duration slowThreshold, boolean logEveryStatement) {
        return new StatementObserver(metrics, slowThreshold, logEveryStatement);
    }

    /** Records one finished statement; {@code tenant} is null in the platform scope. */
    public void finished(String sql, Duration elapsed, boolean success, TenantId tenant) {
        SqlShape shape = shapeOf(sql);
        double millis = elapsed.toNanos() / 1_000_000.0;
        String tenantLabel = tenant == null ? null : tenant.toString();
        metrics.recordDatabase(shape.operation(), shape.table(), millis, success, tenantLabel);
        if (elapsed.compareTo(slowThreshold) >= 0) {
            LOG.warn("Slow query", Map.of("sql", shape.text(), "durationMs", millis,
                    "thresholdMs", slowThreshold.toMillis(), "success", success));
        } else if (logEveryStatement) {
            LOG.debug("Statement", Map.of("sql", shape.text(), "durationMs", millis, "success", success));
        }
    }

    private SqlShape shapeOf(String sql) {
        SqlShape shape = shapes.get(sql);
        if (shape == null) {
            shape = SqlShape.of(sql);
            if (shapes.size() < MAX_SHAPES) {
                shapes.put(sql, shape);
            }
        }
        return shape;
    }
}
