package io.erpcore.config;

import static io.erpcore.config.ConfigLoaderEnvironmentTest.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the catalogue, each broken once on top of a valid production configuration. */
class ConfigValidationRulesTest {

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // types
                rule("PORT", "3k", "must be a whole number (was \"3k\")"),
                rule("COMPRESSION_ENABLED", "maybe", "must be true or false"),
                rule("JWT_EXPIRES_IN", "15", "must be a duration with a unit"),
                rule("DATABASE_TIMEOUT", "30s", "must be a whole, non-negative number of milliseconds"),
                rule("REQUEST_BODY_LIMIT", "1tb", "must be a size such as 512kb or 1mb"),
                rule("LOG_LEVEL", "trace", "must be one of error|warn|info|http|debug|verbose"),
                rule("LOG_FORMAT", "xml", "must be one of json|pretty"),
                rule("RATE_LIMIT_REDIS_FAILURE", "maybe", "must be one of open|closed"),
                rule("TRUST_PROXY", "everyone", "must be none, a hop count"),
                // ranges
                rule("PORT", "70000", "must be less than or equal to 65535 (was \"70000\")"),
                rule("PORT", "-1", "must be greater than or equal to 0"),
                rule("DATABASE_MAX_CONNECTIONS", "0", "must be greater than or equal to 1"),
                rule("DATABASE_MAX_CONNECTIONS", "1001", "must be less than or equal to 1000"),
                rule("DATABASE_ACQUIRE_TIMEOUT", "100", "must be longer than or equal to 250 millis"),
                rule("DATABASE_IDLE_TIMEOUT", "5000", "must be longer than or equal to 10 seconds"),
                rule("DATABASE_MAX_LIFETIME", "20000", "must be longer than or equal to 30 seconds"),
                rule("DATABASE_TIMEOUT", "50", "must be longer than or equal to 100 millis"),
                rule("DATABASE_TENANT_MAX_CONNECTIONS", "0", "must be greater than or equal to 1"),
                rule("JWT_CLOCK_SKEW", "2m", "must be shorter than or equal to 60 seconds"),
                rule("JWT_EXPIRES_IN", "30s", "must be longer than or equal to 1 minute"),
                rule("JWT_EXPIRES_IN", "2d", "must be shorter than or equal to 1 day"),
                rule("JWT_REFRESH_EXPIRES_IN", "400d", "must be shorter than or equal to 365 days"),
                rule("PASSWORD_MIN_LENGTH", "6", "must be greater than or equal to 8"),
                rule("PASSWORD_HASH_ITERATIONS", "100000", "must be at least 600000"),
                rule("ENCRYPTION_KEY_ID", "0", "must be greater than or equal to 1"),
                rule("RATE_LIMIT_MAX", "0", "must be greater than or equal to 1"),
                rule("RATE_LIMIT_WINDOW_MS", "10", "must be longer than or equal to 1 second"),
                rule("SMTP_PORT", "0", "must be greater than or equal to 1"),
                rule("WEBHOOK_TOLERANCE", "2h", "must be shorter than or equal to 1 hour"),
                rule("METRICS_TENANT_LABEL_CAP", "20000", "must be less than or equal to 10000"),
                rule("HEALTH_CHECK_INTERVAL_MS", "10", "must be longer than or equal to 100 millis"),
                rule("SHUTDOWN_TIMEOUT_MS", "100", "must be longer than or equal to 1 second"),
                rule("REQUEST_BODY_LIMIT", "10b", "must be between 1kb and 100mb"),
                // formats
                rule("SERVICE_NAME", "ERP Core", "must be lower-case letters, digits and '-'"),
                rule("JWT_SECRET_ID", "key id", "key ids must be 1 to 64 letters"),
                rule("LOG_REDACT_KEYS", "iban,tax id", "must be key names: letters, digits, '_', '.' or '-' (was \"tax id\")"),
                rule("SMTP_FROM", "not-an-address", "must be an e-mail address (was \"not-an-address\")"),
                rule("CORS_ORIGINS", "https://ok.example.com,https://bad.example.com/path", "(was \"https://bad.example.com/path\")"),
                rule("CORS_ORIGINS", "ftp://files.example.com", "must be * or an origin"),
                rule("DATABASE_URL", "mysql://erp@db/erp", "must start with postgresql:// or postgres://"),
                rule("REDIS_URL", "http://cache:6379", null),
                rule("ENCRYPTION_KEY", "c2hvcnQ=", "must decode to 32 bytes"),
                // cross-field rules
                rules("DATABASE_TENANT_MAX_CONNECTIONS", "must not exceed DATABASE_MAX_CONNECTIONS",
                        "DATABASE_MAX_CONNECTIONS", "10", "DATABASE_TENANT_MAX_CONNECTIONS", "11"),
                rules("DATABASE_MIN_IDLE", "must not exceed DATABASE_MAX_CONNECTIONS",
                        "DATABASE_MAX_CONNECTIONS", "4", "DATABASE_MIN_IDLE", "5"),
                rules("DATABASE_IDLE_TIMEOUT", "must be shorter than DATABASE_MAX_LIFETIME",
                        "DATABASE_IDLE_TIMEOUT", "1800000", "DATABASE_MAX_LIFETIME", "1800000"),
                rules("DATABASE_LEAK_DETECTION_MS", "must be 0 (off) or between 2000 and DATABASE_MAX_LIFETIME",
                        "DATABASE_LEAK_DETECTION_MS", "500"),
                rules("JWT_REFRESH_EXPIRES_IN", "must be longer than JWT_EXPIRES_IN",
                        "JWT_EXPIRES_IN", "1d", "JWT_REFRESH_EXPIRES_IN", "12h"),
                rules("JWT_PREVIOUS_SECRETS", "must use key ids that differ",
                        "JWT_PREVIOUS_SECRETS", "k1:" + Configs.JWT_SECRET + "x"),
                rules("ENCRYPTION_PREVIOUS_KEYS", "must use key ids that differ",
                        "ENCRYPTION_PREVIOUS_KEYS", "1:" + Configs.ENCRYPTION_KEY),
                rules("WEBHOOK_PREVIOUS_SECRETS", "must only be set together with WEBHOOK_SECRET",
                        "WEBHOOK_PREVIOUS_SECRETS", "wh-old-" + Configs.JWT_SECRET),
                rules("WEBHOOK_PREVIOUS_SECRETS", "must list secrets that differ",
                        "WEBHOOK_SECRET", "wh-" + Configs.JWT_SECRET, "WEBHOOK_PREVIOUS_SECRETS", "wh-" + Configs.JWT_SECRET),
                rules("AUTH_IP_RATE_LIMIT_MAX", "must be at least AUTH_RATE_LIMIT_MAX",
                        "AUTH_RATE_LIMIT_MAX", "10", "AUTH_IP_RATE_LIMIT_MAX", "9"),
                rules("SPEED_LIMIT_MAX_DELAY_MS", "must be at least SPEED_LIMIT_DELAY_MS",
                        "SPEED_LIMIT_DELAY_MS", "500", "SPEED_LIMIT_MAX_DELAY_MS", "400"),
                rules("SMTP_FROM", "is required when SMTP_HOST is set", "SMTP_HOST", "smtp.example.com"),
                rules("SMTP_PASSWORD", "must be set together with SMTP_USER", "SMTP_USER", "mailer"),
                rules("HEALTH_CHECK_TIMEOUT_MS", "must not exceed HEALTH_CHECK_INTERVAL_MS",
                        "HEALTH_CHECK_INTERVAL_MS", "1000", "HEALTH_CHECK_TIMEOUT_MS", "2000"),
                rules("SHUTDOWN_DRAIN_DELAY_MS", "must be shorter than SHUTDOWN_TIMEOUT_MS",
                        "SHUTDOWN_DRAIN_DELAY_MS", "30000", "SHUTDOWN_TIMEOUT_MS", "30000"),
                rules("PLATFORM_ADMIN_TOKEN", "must differ from OPS_TOKEN",
                        "OPS_TOKEN", Configs.JWT_SECRET + "ops", "PLATFORM_ADMIN_TOKEN", Configs.JWT_SECRET + "ops"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenRules")
    void each_rule_is_reported_against_its_variable(String variable, String expectedRule, String[] keyValues) {
        assertThat(violations(Configs.production(keyValues)))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.variable()).isEqualTo(variable);
                    if (expectedRule != null) {
                        assertThat(violation.rule()).contains(expectedRule);
                    }
                });
    }

    @Test
    void every_violation_is_reported_at_once() {
        assertThat(violations(Configs.production(
                "PORT", "abc", "DATABASE_MAX_CONNECTIONS", "0", "JWT_CLOCK_SKEW", "2m", "SMTP_FROM", "nobody")))
                .extracting(ConfigViolation::variable)
                .containsExactly("PORT", "DATABASE_MAX_CONNECTIONS", "JWT_CLOCK_SKEW", "SMTP_FROM");
    }

    @Test
    void a_value_that_does_not_parse_is_reported_once_not_again_by_the_rules_it_was_replaced_for() {
        assertThat(violations(Configs.production("DATABASE_MAX_CONNECTIONS", "lots")))
                .extracting(ConfigViolation::variable)
                .containsExactly("DATABASE_MAX_CONNECTIONS");
    }

    @Test
    void violations_name_the_source_of_the_offending_value() {
        assertThat(violations(Configs.production("PORT", "70000")).get(0).source()).isEqualTo("environment");
    }

    private static Arguments rule(String variable, String value, String expectedRule) {
        return arguments(variable, expectedRule, new String[] {variable, value});
    }

    private static Arguments rules(String variable, String expectedRule, String... keyValues) {
        return arguments(variable, expectedRule, keyValues);
    }
}
