package io.erpcore.config;

import java.util.HashMap;
import java.util.Map;

/** Test data: configurations built from maps, with a valid production baseline to vary. */
final class Configs {

    static final String JWT_SECRET = "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r";
    static final String ENCRYPTION_KEY = "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM=";
    static final String DB_PASSWORD = "db-Pa55-w0rd-xyz";

    private Configs() {
    }

    /** Every variable production requires, with strong values. */
    static Map<String, String> production() {
        Map<String, String> values = new HashMap<>();
        values.put("APP_ENV", "production");
        values.put("DATABASE_URL", "postgresql://erp_app:" + DB_PASSWORD + "@db.internal:5432/erp");
        values.put("DATABASE_MIGRATION_URL", "postgresql://erp_owner:" + DB_PASSWORD + "@db.internal:5432/erp");
        values.put("JWT_SECRET", JWT_SECRET);
        values.put("ENCRYPTION_KEY", ENCRYPTION_KEY);
        return values;
    }

    /** The production baseline with {@code keyValues} (name, value, name, value...) set on top. */
    static Map<String, String> production(String... keyValues) {
        Map<String, String> values = production();
        values.putAll(pairs(keyValues));
        return values;
    }

    static LoadedConfig load(Map<String, String> values) {
        return ConfigLoader.load(MapConfigSource.of("environment", values));
    }

    static LoadedConfig loadDevelopment(String... keyValues) {
        return load(pairs(keyValues));
    }

    static LoadedConfig loadProduction(String... keyValues) {
        return load(production(keyValues));
    }

    static Map<String, String> pairs(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }
}
