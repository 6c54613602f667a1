package io.erpcore.config;

import static io.erpcore.config.Configs.loadDevelopment;
import static io.erpcore.config.Configs.loadProduction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderDefaultsTest {

    @Test
    void development_starts_with_no_variables_at_all() {
        AppConfig config = loadDevelopment().config();

        assertThat(config.environment()).isEqualTo(Environment.DEVELOPMENT);
        assertThat(config.serverConfig().port()).isEqualTo(3001);
        assertThat(config.serverConfig().host()).isEqualTo("localhost");
        assertThat(config.databaseConfig().url()).isEmpty();
        assertThat(config.databaseConfig().maxConnections()).isEqualTo(20);
        assertThat(config.jwtConfig().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.jwtConfig().refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.requestLimitConfig().bodyLimit()).isEqualTo(ByteSize.ofMegabytes(1));
        assertThat(config.rateLimitConfig().redisFailureMode()).isEqualTo(RedisFailureMode.OPEN);
        assertThat(config.serverConfig().trustProxy()).isEqualTo(TrustProxy.none());
    }

    @Test
    void development_generates_the_missing_secrets_and_says_so_loudly() {
        LoadedConfig loaded = loadDevelopment();

        assertThat(loaded.config().jwtConfig().secret().bytes()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(loaded.config().encryptionConfig().currentKey().keyBytes()).hasSize(32);
        assertThat(loaded.warnings()).anyMatch(warning -> warning.startsWith("JWT_SECRET is not set: using a random value"));
        assertThat(loaded.warnings()).anyMatch(warning -> warning.startsWith("ENCRYPTION_KEY is not set: using a random value"));
    }

    @Test
    void generated_secrets_differ_between_runs() {
        assertThat(loadDevelopment().config().jwtConfig().secret())
                .isNotEqualTo(loadDevelopment().config().jwtConfig().secret());
    }

    @Test
    void a_secret_that_is_set_is_not_generated() {
        LoadedConfig loaded = loadDevelopment("JWT_SECRET", Configs.JWT_SECRET);

        assertThat(loaded.config().jwtConfig().secret().reveal()).isEqualTo(Configs.JWT_SECRET);
        assertThat(loaded.warnings()).noneMatch(warning -> warning.startsWith("JWT_SECRET"));
    }

    @Test
    void the_tenant_connection_share_defaults_to_half_the_pool() {
        assertThat(loadDevelopment().config().databaseConfig().tenantMaxConnections()).isEqualTo(10);
        assertThat(loadDevelopment("DATABASE_MAX_CONNECTIONS", "31").config().databaseConfig().tenantMaxConnections()).isEqualTo(15);
        assertThat(loadDevelopment("DATABASE_MAX_CONNECTIONS", "1").config().databaseConfig().tenantMaxConnections()).isEqualTo(1);
    }

    @Test
    void the_idle_minimum_defaults_to_two_but_never_above_the_pool() {
        assertThat(loadDevelopment().config().databaseConfig().minIdle()).isEqualTo(2);
        assertThat(loadDevelopment("DATABASE_MAX_CONNECTIONS", "1").config().databaseConfig().minIdle()).isEqualTo(1);
    }

    @Test
    void log_format_defaults_to_pretty_in_development_and_json_elsewhere() {
        assertThat(loadDevelopment().config().loggingConfig().format()).isEqualTo(LogFormat.PRETTY);
        assertThat(loadProduction().config().loggingConfig().format()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void the_drain_delay_defaults_to_zero_in_development_and_five_seconds_elsewhere() {
        assertThat(loadDevelopment().config().lifecycleConfig().drainDelay()).isZero();
        assertThat(loadProduction().config().lifecycleConfig().drainDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void the_report_names_the_origin_of_every_value() {
        LoadedConfig loaded = Configs.load(Map.of("PORT", "8080"));

        assertThat(loaded.effectiveSettings()).contains(
                new EffectiveSetting("PORT", "8080", "environment"),
                new EffectiveSetting("HOST", "localhost", "default"),
                new EffectiveSetting("SMTP_HOST", "", "not set"));
        assertThat(loaded.effectiveSettings()).filteredOn(setting -> setting.variable().equals("JWT_SECRET"))
                .containsExactly(new EffectiveSetting("JWT_SECRET", "******", "generated"));
    }

    @Test
    void the_report_lists_every_catalogue_variable_once() {
        assertThat(loadDevelopment().effectiveSettings())
                .extracting(EffectiveSetting::variable)
                .doesNotHaveDuplicates()
                .containsAll(ConfigCatalogue.settings().stream().filter(s -> !s.isPattern()).map(Setting::name).toList());
    }

    @Test
    void the_report_masks_secrets_and_database_passwords() {
        LoadedConfig loaded = loadProduction("WEBHOOK_SECRET", "wh-" + Configs.JWT_SECRET,
                "WEBHOOK_PREVIOUS_SECRETS", "wh-old-" + Configs.JWT_SECRET);

        assertThat(loaded.effectiveSettings().toString())
                .doesNotContain("wh-")
                .doesNotContain(Configs.JWT_SECRET)
                .doesNotContain(Configs.ENCRYPTION_KEY)
                .doesNotContain(Configs.DB_PASSWORD)
                .contains("postgresql://erp_app:******@db.internal:5432/erp");
    }

    @Test
    void the_whole_config_prints_without_secrets() {
        assertThat(loadProduction("WEBHOOK_SECRET", "wh-" + Configs.JWT_SECRET,
                "WEBHOOK_PREVIOUS_SECRETS", "wh-old-" + Configs.JWT_SECRET).config().toString())
                .doesNotContain("wh-")
                .doesNotContain(Configs.JWT_SECRET)
                .doesNotContain(Configs.ENCRYPTION_KEY)
                .doesNotContain(Configs.DB_PASSWORD);
    }

    @Test
    void security_config_groups_tokens_passwords_and_encryption() {
        AppConfig config = loadProduction().config();

        assertThat(config.securityConfig().jwt()).isSameAs(config.jwtConfig());
        assertThat(config.securityConfig().passwords()).isSameAs(config.passwordConfig());
        assertThat(config.securityConfig().encryption()).isSameAs(config.encryptionConfig());
    }
}
