package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownVariablesTest {

    @Test
    void an_unknown_name_in_a_dedicated_source_is_reported_with_the_likely_fix() {
        LoadedConfig loaded = ConfigLoader.load(MapConfigSource.of(".env", Map.of("DATABSE_URL", "x")));

        assertThat(loaded.warnings()).contains("DATABSE_URL in .env is not a known variable; did you mean DATABASE_URL?");
    }

    @Test
    void an_unknown_name_far_from_any_variable_gets_no_suggestion() {
        LoadedConfig loaded = ConfigLoader.load(MapConfigSource.of("command line", Map.of("SOMETHING_ELSE", "x")));

        assertThat(loaded.warnings()).contains("SOMETHING_ELSE in command line is not a known variable");
    }

    @Test
    void unknown_names_in_the_shared_environment_are_none_of_our_business() {
        LoadedConfig loaded = ConfigLoader.load(MapConfigSource.shared("environment", Map.of("HOME", "/root")));

        assertThat(loaded.warnings()).noneMatch(warning -> warning.contains("HOME"));
    }
}
