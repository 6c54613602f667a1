package io.erpcore.config;

import static io.erpcore.config.Configs.load;
import static io.erpcore.config.Configs.loadDevelopment;
import static io.erpcore.config.Configs.pairs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderEnvironmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging"})
    void outside_development_every_required_variable_is_reported_once(String environment) {
        assertThat(violations(Map.of("APP_ENV", environment)))
                .extracting(ConfigViolation::variable, ConfigViolation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DATABASE_URL", "is required in " + environment),
                        org.assertj.core.groups.Tuple.tuple("DATABASE_MIGRATION_URL", "is required in " + environment),
                        org.assertj.core.groups.Tuple.tuple("JWT_SECRET", "is required in " + environment),
                        org.assertj.core.groups.Tuple.tuple("ENCRYPTION_KEY", "is required in " + environment));
    }

    @Test
    void a_missing_variable_is_reported_with_its_origin_and_a_hint() {
        ConfigViolation missing = violations(Map.of("APP_ENV", "production")).get(0);

        assertThat(missing.source()).isEqualTo("not set");
        assertThat(missing.hint()).contains("postgresql://");
        assertThat(missing.describe()).startsWith("DATABASE_URL (not set): is required in production. Hint: ");
    }

    @Test
    void the_migration_url_is_not_required_when_migrations_run_elsewhere() {
        Map<String, String> values = Configs.production("DATABASE_MIGRATE", "false");
        values.remove("DATABASE_MIGRATION_URL");

        assertThat(load(values).config().databaseConfig().migrationUrl()).isEmpty();
    }

    @Test
    void production_with_every_required_variable_loads() {
        AppConfig config = Configs.loadProduction().config();

        assertThat(config.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(config.databaseConfig().url().orElseThrow().user()).isEqualTo("erp_app");
    }

    @Test
    void node_env_is_an_alias_of_app_env_with_a_warning() {
        LoadedConfig loaded = load(pairs("NODE_ENV", "development"));

        assertThat(loaded.config().environment()).isEqualTo(Environment.DEVELOPMENT);
        assertThat(loaded.warnings()).contains("NODE_ENV is accepted as an alias of APP_ENV; rename it to APP_ENV");
        assertThat(loaded.effectiveSettings()).contains(new EffectiveSetting("APP_ENV", "development", "environment as NODE_ENV"));
    }

    @Test
    void node_env_alone_can_select_production() {
        assertThat(violations(Map.of("NODE_ENV", "production"))).hasSize(4);
    }

    @Test
    void app_env_wins_over_node_env() {
        assertThat(load(pairs("APP_ENV", "development", "NODE_ENV", "production")).config().environment())
                .isEqualTo(Environment.DEVELOPMENT);
    }

    @Test
    void an_unknown_environment_is_refused_with_the_accepted_values() {
        assertThat(violations(Map.of("APP_ENV", "test")))
                .extracting(ConfigViolation::describe)
                .containsExactly("APP_ENV (environment): must be one of development|staging|production (was \"test\")."
                        + " Hint: the default is APP_ENV=development");
    }

    @Test
    void environment_names_ignore_case() {
        assertThat(loadDevelopment("APP_ENV", "Development").config().environment()).isEqualTo(Environment.DEVELOPMENT);
    }

    static List<ConfigViolation> violations(Map<String, String> values) {
        try {
            load(values);
        } catch (ConfigurationException e) {
            return e.violations();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    @Test
    void the_exception_message_lists_every_violation_on_its_own_line() {
        assertThatThrownBy(() -> load(Map.of("APP_ENV", "production")))
                .hasMessageStartingWith("The configuration has 4 errors:")
                .hasMessageContaining("  - DATABASE_URL (not set): is required in production")
                .hasMessageContaining("  - ENCRYPTION_KEY (not set): is required in production");
    }
}
