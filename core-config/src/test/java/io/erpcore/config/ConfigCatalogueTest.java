package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue and the config records describe the same variables, and every default is valid. */
class ConfigCatalogueTest {

    private static final List<Class<? extends Record>> GROUPS = List.of(
            ServerConfig.class, LoggingConfig.class, DatabaseConfig.class, JwtConfig.class, PasswordConfig.class,
            EncryptionConfig.class, RateLimitConfig.class, CorsConfig.class, RequestLimitConfig.class,
            RedisConfig.class, SmtpConfig.class, WebhookConfig.class, MetricsConfig.class, OpsTokens.class,
            LifecycleConfig.class);

    @Test
    void every_variable_is_bound_by_exactly_one_record_component() {
        List<String> bound = new ArrayList<>();
        GROUPS.forEach(group -> Arrays.stream(group.getRecordComponents())
                .map(component -> component.getAnnotation(Variable.class).value())
                .forEach(bound::add));

        assertThat(bound).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                ConfigCatalogue.settings().stream()
                        .filter(setting -> !setting.isPattern() && !setting.name().equals("APP_ENV"))
                        .map(Setting::name)
                        .toList());
    }

    @Test
    void every_record_component_names_its_variable() {
        GROUPS.forEach(group -> assertThat(group.getRecordComponents())
                .allSatisfy((RecordComponent component) -> assertThat(component.getAnnotation(Variable.class))
                        .as(group.getSimpleName() + "." + component.getName())
                        .isNotNull()));
    }

    @Test
    void names_are_unique_and_upper_snake_case() {
        assertThat(ConfigCatalogue.settings()).extracting(Setting::name)
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[A-Z][A-Z0-9_]*\\*?"));
    }

    @Test
    void every_variable_has_a_description_ending_in_a_full_stop() {
        assertThat(ConfigCatalogue.settings()).allSatisfy(setting ->
                assertThat(setting.description()).as(setting.name()).isNotBlank().endsWith("."));
    }

    @Test
    void every_required_variable_has_a_hint() {
        assertThat(ConfigCatalogue.settings())
                .filteredOn(setting -> setting.requirement().outsideDevelopment())
                .allSatisfy(setting -> assertThat(setting.hint()).as(setting.name()).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void every_default_parses_in_every_environment(Environment environment) {
        Map<String, Object> earlier = new java.util.HashMap<>();
        for (Setting<?> setting : ConfigCatalogue.settings()) {
            setting.defaultValue().text(environment, earlier::get).ifPresent(text ->
                    assertThatCode(() -> earlier.put(setting.name(), setting.type().parse(text)))
                            .as(setting.name() + "=" + text)
                            .doesNotThrowAnyException());
        }
    }

    @Test
    void finding_a_feature_flag_finds_the_pattern_entry() {
        assertThat(ConfigCatalogue.find("FEATURE_NEW_BILLING")).map(Setting::name).contains("FEATURE_*");
        assertThat(ConfigCatalogue.find("NOT_A_VARIABLE")).isEmpty();
    }
}
