package io.erpcore.config;

import static io.erpcore.config.ConfigLoaderEnvironmentTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretStrengthTest {

    @Test
    void production_refuses_a_jwt_secret_shorter_than_32_bytes() {
        assertThat(violations(Configs.production("JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0")))
                .singleElement()
                .satisfies(violation -> assertThat(violation.describe())
                        .startsWith("JWT_SECRET (environment): must be at least 32 bytes of random data")
                        .doesNotContain("Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0"));
    }

    @Test
    void production_refuses_a_secret_of_one_repeated_character() {
        assertThat(violations(Configs.production("JWT_SECRET", "a".repeat(64))))
                .singleElement()
                .extracting(ConfigViolation::rule)
                .isEqualTo("must not be one character repeated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"your-jwt-secret-goes-here-at-least-32-bytes",
            "changeme-changeme-changeme-changeme", "CHANGE_ME_BEFORE_DEPLOYING_TO_PRODUCTION",
            "this-is-an-example-secret-0123456789abcdef"})
    void production_refuses_placeholders_from_the_docs(String placeholder) {
        assertThat(violations(Configs.production("JWT_SECRET", placeholder)))
                .singleElement()
                .satisfies(violation -> assertThat(violation.rule())
                        .startsWith("must not be a placeholder")
                        .doesNotContain(placeholder));
    }

    @Test
    void production_refuses_an_all_zero_encryption_key() {
        String zeroKey = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(violations(Configs.production("ENCRYPTION_KEY", zeroKey)))
                .singleElement()
                .extracting(ConfigViolation::variable, ConfigViolation::rule)
                .containsExactly("ENCRYPTION_KEY", "must not be one character repeated");
    }

    @Test
    void production_checks_optional_tokens_when_they_are_set() {
        assertThat(violations(Configs.production("METRICS_TOKEN", "short", "OPS_TOKEN", "changeme", "WEBHOOK_SECRET", "x")))
                .extracting(ConfigViolation::variable)
                .containsExactly("WEBHOOK_SECRET", "METRICS_TOKEN", "OPS_TOKEN");
    }

    @Test
    void production_checks_the_previous_signing_secrets_too() {
        assertThat(violations(Configs.production("JWT_PREVIOUS_SECRETS", "k0:tooshort")))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.variable()).isEqualTo("JWT_PREVIOUS_SECRETS");
                    assertThat(violation.describe()).doesNotContain("tooshort");
                });
    }

    @Test
    void production_checks_the_previous_webhook_secrets_too() {
        assertThat(violations(Configs.production("WEBHOOK_SECRET", "wh-" + Configs.JWT_SECRET,
                "WEBHOOK_PREVIOUS_SECRETS", "wh-old-" + Configs.JWT_SECRET + ",tooshort")))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.variable()).isEqualTo("WEBHOOK_PREVIOUS_SECRETS");
                    assertThat(violation.rule()).startsWith("must be at least 32 bytes");
                    assertThat(violation.describe()).doesNotContain("tooshort").doesNotContain("wh-old-");
                });
    }

    @Test
    void production_refuses_placeholder_passwords_in_connection_urls() {
        assertThat(violations(Configs.production(
                "DATABASE_URL", "postgresql://erp_app:changeme@db:5432/erp",
                "REDIS_URL", "redis://:your-redis-password@cache:6379",
                "SMTP_USER", "mailer", "SMTP_PASSWORD", "CHANGE_ME")))
                .extracting(ConfigViolation::variable, ConfigViolation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DATABASE_URL", "must not use a placeholder password from the documentation"),
                        org.assertj.core.groups.Tuple.tuple("REDIS_URL", "must not use a placeholder password from the documentation"),
                        org.assertj.core.groups.Tuple.tuple("SMTP_PASSWORD",
                                "must not be a placeholder from the documentation (such as changeme or your-jwt-secret)"));
    }

    @Test
    void development_only_warns_about_a_weak_secret() {
        LoadedConfig loaded = Configs.loadDevelopment("JWT_SECRET", "dev");

        assertThat(loaded.config().jwtConfig().secret().reveal()).isEqualTo("dev");
        assertThat(loaded.warnings()).contains("JWT_SECRET (environment): must be at least 32 bytes of random data;"
                + " allowed in development only");
    }

    @Test
    void development_allows_a_cheap_password_hash_with_a_warning() {
        LoadedConfig loaded = Configs.loadDevelopment("PASSWORD_HASH_ITERATIONS", "10000");

        assertThat(loaded.config().passwordConfig().hashIterations()).isEqualTo(10_000);
        assertThat(loaded.warnings()).anyMatch(warning -> warning.startsWith("PASSWORD_HASH_ITERATIONS"));
    }

    @Test
    void no_error_or_warning_ever_contains_a_secret_value() {
        String secret = "leaky-" + "q".repeat(3) + "-value";
        String everything = String.join("\n",
                describeAll(Configs.production("JWT_SECRET", secret, "ENCRYPTION_KEY", secret,
                        "DATABASE_URL", "postgresql://u:" + secret + "@h/db/extra@", "REDIS_URL", "redis://:" + secret + "@",
                        "JWT_PREVIOUS_SECRETS", secret, "ENCRYPTION_PREVIOUS_KEYS", secret, "OPS_TOKEN", secret,
                        "WEBHOOK_PREVIOUS_SECRETS", secret)),
                String.join("\n", Configs.loadDevelopment("JWT_SECRET", secret, "OPS_TOKEN", secret).warnings()));

        assertThat(everything).doesNotContain(secret).doesNotContain("leaky");
    }

    private static String describeAll(java.util.Map<String, String> values) {
        return violations(values).stream().map(ConfigViolation::describe).reduce("", (a, b) -> a + "\n" + b);
    }
}
