package io.erpcore.host;

import io.erpcore.config.AppConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The start-up banner: what is running, where, on which database, with which features, and in
 * development how to sign in. Never a password of the configuration: the database is shown as its
 * URL with the password masked. The only password it may carry is the demo owner's, made a moment
 * ago on an empty development database, which a developer has no other way to learn.
 *
 * @param version the running version
 * @param url where the server listens
 * @param database the embedded server, or the runtime URL with its password masked
 * @param startedIn time from the first start-up phase to the listener
 * @param sinceProcessStart time from the JVM's start to the listener
 * @param demoPassword the demo owner's password, when the development seed made it just now
 */
record Banner(AppConfig config, String version, String url, String database, Duration startedIn,
        Optional<Duration> sinceProcessStart, boolean embeddedDatabase, Optional<String> demoPassword) {

    /** The banner as lines of text, the first one a headline. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("ERP Core " + version + " is ready on " + url + " (" + config.environment().id() + ")");
        lines.add(row("started in", startedIn.toMillis() + " ms"
                + sinceProcessStart.map(since -> " (" + since.toMillis() + " ms since the JVM started)").orElse("")));
        lines.add(row("database", database));
        lines.add(row("redis", config.redisConfig().url().map(Object::toString)
                .orElse("not configured: rate limits count in this process")));
        lines.add(row("features", String.join(", ", features())));
        if (config.environment().isDevelopment()) {
            demoPassword.ifPresentOrElse(
                    password -> lines.add(row("sign in", "with tenant " + DemoTenant.SLUG + ", e-mail " + DemoTenant.OWNER_EMAIL
                            + " and the password " + password + " (shown this once)")),
                    () -> {
                        if (embeddedDatabase) {
                            lines.add(row("sign in", "as " + DemoTenant.OWNER_EMAIL + " of tenant " + DemoTenant.SLUG
                                    + " with the password shown on the first start (delete ./data to start afresh)"));
                        }
                    });
        }
        return lines;
    }

    /** The banner as one log message. */
    String text() {
        return String.join(System.lineSeparator(), lines());
    }

    /** The same facts as structured fields, for JSON logs. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", version);
        fields.put("url", url);
        fields.put("env", config.environment().id());
        fields.put("database", database);
        fields.put("startupMs", startedIn.toMillis());
        sinceProcessStart.ifPresent(since -> fields.put("sinceJvmStartMs", since.toMillis()));
        fields.put("features", features());
        return fields;
    }

    /** The switches an operator would want to see at a glance, then every FEATURE_* flag that is on. */
    List<String> features() {
        List<String> features = new ArrayList<>();
        if (config.rateLimitConfig().enabled()) {
            features.add(config.redisConfig().url().isPresent() ? "rate limits in Redis" : "rate limits in this process");
        }
        if (config.metricsConfig().enabled()) {
            features.add("metrics at /metrics" + (config.metricsConfig().token().isPresent() ? " (token required)" : ""));
        }
        if (config.serverConfig().compressionEnabled()) {
            features.add("gzip");
        }
        if (config.opsTokens().platformAdminToken().isPresent()) {
            features.add("platform API");
        }
        if (config.corsConfig().allowsAnyOrigin()) {
            features.add("CORS for any origin");
        } else if (!config.corsConfig().allowedOrigins().isEmpty()) {
            features.add("CORS for " + config.corsConfig().allowedOrigins().size() + " origins");
        }
        config.featureFlags().flags().entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(flag -> "FEATURE_" + flag.getKey())
                .sorted()
                .forEach(features::add);
        return features.isEmpty() ? List.of("none") : features;
    }

    private static String row(String name, String value) {
        return String.format("  %-11s%s", name, value);
    }
}
