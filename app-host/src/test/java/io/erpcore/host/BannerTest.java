package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.config.MapConfigSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BannerTest {

    private static AppConfig config(Map<String, String> variables) {
        return ConfigLoader.load(MapConfigSource.of("test", variables)).config();
    }

    private static Banner banner(AppConfig config, String database, Optional<String> demoPassword) {
        return new Banner(config, "1.2.3", "http://localhost:3001", database, Duration.ofMillis(900),
                Optional.of(Duration.ofMillis(1300)), false, demoPassword);
    }

    @Test
    void names_the_version_url_environment_times_database_and_features() {
        Banner banner = banner(config(Map.of("FEATURE_NEW_BILLING", "true")), "embedded PostgreSQL on localhost:5432",
                Optional.empty());

        assertThat(banner.text()).startsWith("ERP Core 1.2.3 is ready on http://localhost:3001 (development)")
                .contains("started in 900 ms (1300 ms since the JVM started)", "embedded PostgreSQL on localhost:5432",
                        "rate limits in this process", "FEATURE_NEW_BILLING");
    }

    @Test
    void shows_the_database_url_without_its_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:s3cret-pw@db:5432/erp");

        Banner banner = banner(config(Map.of()), url.toString(), Optional.empty());

        assertThat(banner.text()).contains("postgresql://erp_app:******@db:5432/erp").doesNotContain("s3cret-pw");
        assertThat(banner.fields().toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void shows_the_demo_password_once_in_development_and_never_in_its_fields() {
        Banner banner = banner(config(Map.of()), "embedded", Optional.of("Demo-Password-24-Chars-x"));

        assertThat(banner.text()).contains("with tenant demo, e-mail owner@demo.local and the password "
                + "Demo-Password-24-Chars-x (shown this once)");
        assertThat(banner.fields().toString()).doesNotContain("Demo-Password-24-Chars-x");
    }

    @Test
    void shows_no_sign_in_line_outside_development() {
        AppConfig production = config(Map.of("APP_ENV", "production",
                "DATABASE_URL", "postgresql://erp_app:Kx7-unique-pw@db:5432/erp",
                "DATABASE_MIGRATION_URL", "postgresql://erp_owner:Kx8-unique-pw@db:5432/erp",
                "JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r",
                "ENCRYPTION_KEY", "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM="));

        Banner banner = banner(production, "postgresql://erp_app:******@db:5432/erp", Optional.of("never-shown-password"));

        assertThat(banner.text()).contains("(production)").doesNotContain("sign in", "never-shown-password");
    }
}
