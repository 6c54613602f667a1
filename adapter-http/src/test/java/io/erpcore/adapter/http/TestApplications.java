package io.erpcore.adapter.http;

import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.MapConfigSource;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import java.util.HashMap;
import java.util.Map;

/** Builds applications for tests from a few variables, on a free port, with in-memory metrics. */
public final class TestApplications {

    private TestApplications() {
    }

    /** Every variable production requires, with strong values, plus {@code keyValues} (name, value, ...). */
    public static Map<String, String> production(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        values.put("APP_ENV", "production");
        values.put("DATABASE_URL", "postgresql://erp_app:db-Pa55-w0rd-xyz@db.internal:5432/erp");
        values.put("DATABASE_MIGRATION_URL", "postgresql://erp_owner:db-Pa55-w0rd-xyz@db.internal:5432/erp");
        values.put("JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r");
        values.put("ENCRYPTION_KEY", "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM=");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    /** The configuration of {@code variables} over the defaults (development unless APP_ENV says otherwise). */
    public static AppConfig config(Map<String, String> variables) {
        Map<String, String> values = new HashMap<>();
        values.put("PORT", "0");
        values.put("HOST", "127.0.0.1");
        values.putAll(variables);
        return ConfigLoader.load(MapConfigSource.of("test", values)).config();
    }

    /** A builder on {@code variables} with fresh in-memory metrics. */
    public static JavalinApplication.Builder builder(Map<String, String> variables) {
        AppConfig config = config(variables);
        return JavalinApplication.builder(config, Metrics.create(InMemoryMetricsSink.create(), config.metricsConfig()));
    }

    /** A builder with the default configuration. */
    public static JavalinApplication.Builder builder() {
        return builder(Map.of());
    }
}
