package io.erpcore.security;

import io.erpcore.config.ConfigLoader;
import io.erpcore.config.MapConfigSource;
import io.erpcore.config.RateLimitConfig;
import java.util.HashMap;
import java.util.Map;

/** Test data: {@code RATE_LIMIT_*} configurations, loaded the way the host loads them. */
final class RateLimitConfigs {

    private RateLimitConfigs() {
    }

    /** The defaults with {@code keyValues} on top (name, value, ...). */
    static RateLimitConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(MapConfigSource.of("test", values)).config().rateLimitConfig();
    }
}
