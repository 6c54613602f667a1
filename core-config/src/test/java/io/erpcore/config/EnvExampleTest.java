package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code .env.example} at the repository root documents exactly the catalogue, with its defaults. */
class EnvExampleTest {

    /** {@code NAME=value}, possibly commented out ({@code # NAME=value}) when it has no default. */
    private static final Pattern ENTRY = Pattern.compile("^(?:# )?([A-Z][A-Z0-9_]*\\*?)=(.*)$");

    private static List<String> lines;
    private static final Map<String, String> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, String> COMMENTS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheFile() throws IOException {
        lines = Files.readAllLines(Path.of("..", ".env.example"));
        for (int i = 0; i < lines.size(); i++) {
            Matcher entry = ENTRY.matcher(lines.get(i));
            if (entry.matches()) {
                ENTRIES.put(entry.group(1), entry.group(2));
                COMMENTS.put(entry.group(1), i > 0 ? lines.get(i - 1) : "");
            }
        }
    }

    @Test
    void lists_every_catalogue_variable_and_nothing_else() {
        List<String> expected = ConfigCatalogue.settings().stream()
                .map(setting -> setting.isPattern() ? "FEATURE_EXAMPLE" : setting.name())
                .toList();

        assertThat(ENTRIES.keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void shows_each_fixed_default_as_the_value() {
        ConfigCatalogue.settings().stream()
                .filter(setting -> setting.defaultValue() instanceof DefaultValue.Fixed)
                .forEach(setting -> assertThat(ENTRIES.get(setting.name()))
                        .as(setting.name())
                        .isEqualTo(((DefaultValue.Fixed) setting.defaultValue()).value()));
    }

    @Test
    void shows_the_development_value_of_environment_dependent_defaults() {
        ConfigCatalogue.settings().stream()
                .filter(setting -> setting.defaultValue() instanceof DefaultValue.ByEnvironment)
                .forEach(setting -> assertThat(ENTRIES.get(setting.name()))
                        .as(setting.name())
                        .isEqualTo(((DefaultValue.ByEnvironment) setting.defaultValue()).development()));
    }

    @Test
    void comments_out_variables_without_a_fixed_default() {
        ConfigCatalogue.settings().stream()
                .filter(setting -> !setting.isPattern())
                .filter(setting -> setting.defaultValue() instanceof DefaultValue.None
                        || setting.defaultValue() instanceof DefaultValue.GeneratedInDevelopment
                        || setting.defaultValue() instanceof DefaultValue.Derived)
                .forEach(setting -> assertThat(lines).as(setting.name()).anyMatch(line -> line.startsWith("# " + setting.name() + "=")));
    }

    @Test
    void describes_each_variable_with_its_catalogue_description_on_the_line_above() {
        ConfigCatalogue.settings().stream()
                .filter(setting -> !setting.isPattern())
                .forEach(setting -> assertThat(COMMENTS.get(setting.name()))
                        .as(setting.name())
                        .startsWith("# " + setting.description()));
    }

    @Test
    void production_refuses_every_example_credential_in_it() {
        java.util.Map<String, String> uncommented = new java.util.HashMap<>(ENTRIES);
        uncommented.put("APP_ENV", "production");

        assertThat(ConfigLoaderEnvironmentTest.violations(uncommented))
                .extracting(ConfigViolation::variable)
                .contains("DATABASE_URL", "DATABASE_MIGRATION_URL", "JWT_SECRET", "ENCRYPTION_KEY", "SMTP_PASSWORD",
                        "WEBHOOK_SECRET", "METRICS_TOKEN", "OPS_TOKEN", "PLATFORM_ADMIN_TOKEN");
    }
}
