package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    @TempDir
    Path workingDirectory;

    @Test
    void the_standard_order_is_command_line_system_properties_environment_then_dot_env() {
        LayeredConfigSource standard = ConfigSources.standard(Map.of(), Map.of(), workingDirectory);

        assertThat(standard.layers()).extracting(ConfigSource::name)
                .containsExactly("command line", "system properties", "environment", ".env");
    }

    @Test
    void the_environment_source_reads_the_process_environment() {
        assertThat(ConfigSources.environment().get("PATH")).contains(System.getenv("PATH"));
        assertThat(ConfigSources.environment().sharedWithOtherPrograms()).isTrue();
    }

    @Test
    void system_properties_are_read_under_the_variable_names() {
        System.setProperty("ERP_TEST_PROPERTY", "from-property");
        try {
            assertThat(ConfigSources.systemProperties().get("ERP_TEST_PROPERTY")).contains("from-property");
        } finally {
            System.clearProperty("ERP_TEST_PROPERTY");
        }
    }

    @Test
    void the_dot_env_file_of_the_working_directory_is_read() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "PORT=4444\n");

        assertThat(ConfigSources.standard(Map.of(), Map.of(), workingDirectory).lookup("PORT").orElseThrow())
                .extracting(ConfigValue::raw, ConfigValue::source)
                .containsExactly("4444", ".env");
    }

    @Test
    void the_environment_beats_the_dot_env_file() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "PORT=4444\n");

        assertThat(ConfigSources.standard(Map.of(), Map.of("PORT", "6666"), workingDirectory).lookup("PORT").orElseThrow())
                .extracting(ConfigValue::raw, ConfigValue::source)
                .containsExactly("6666", "environment");
    }

    @Test
    void a_missing_dot_env_file_is_an_empty_source() {
        assertThat(DotEnvFile.load(workingDirectory.resolve(".env")).keys()).isEmpty();
    }

    @Test
    void command_line_values_beat_the_dot_env_file() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "PORT=4444\n");

        assertThat(ConfigSources.standard(Map.of("PORT", "5555"), Map.of("PORT", "6666"), workingDirectory).get("PORT")).contains("5555");
    }
}
