package io.erpcore.adapter.jdbi;

import io.erpcore.config.ConfigLoader;
import io.erpcore.config.DatabaseConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.config.MapConfigSource;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import java.util.HashMap;
import java.util.Map;

/** Test data: runtime-side wiring of a {@link TestDatabase}, configured as the host would. */
public final class Databases {

    private Databases() {
    }

    /** The database configuration of the development defaults with {@code keyValues} on top (name, value, ...). */
    public static DatabaseConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(MapConfigSource.of("test", values)).config().databaseConfig();
    }

    /** The runtime side of {@code database}: pool, JDBI, executor; metrics into {@code sink}. */
    public static JdbiDatabase open(TestDatabase database, InMemoryMetricsSink sink, String... keyValues) {
        return open(database.runtime(), sink, keyValues);
    }

    /** The runtime side of the database at {@code runtime}, which must name the runtime role. */
    public static JdbiDatabase open(DatabaseUrl runtime, InMemoryMetricsSink sink, String... keyValues) {
        return JdbiDatabase.open(config(keyValues), runtime, "erp-test",
                Metrics.create(sink, TenantLabelPolicy.capped(100)), false, null);
    }
}
