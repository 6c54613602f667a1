package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredConfigSourceTest {

    private final MapConfigSource commandLine = MapConfigSource.of("command line", Map.of("PORT", "1111"));
    private final MapConfigSource environment = MapConfigSource.shared("environment", Map.of("PORT", "2222", "HOST", "env-host"));
    private final MapConfigSource dotEnv = MapConfigSource.of(".env", Map.of("PORT", "3333", "HOST", "file-host", "LOG_LEVEL", "debug"));
    private final LayeredConfigSource layered = LayeredConfigSource.of(commandLine, environment, dotEnv);

    @Test
    void the_highest_layer_with_a_value_wins() {
        assertThat(layered.get("PORT")).contains("1111");
        assertThat(layered.get("HOST")).contains("env-host");
        assertThat(layered.get("LOG_LEVEL")).contains("debug");
    }

    @Test
    void lookup_remembers_which_layer_supplied_the_value() {
        assertThat(layered.lookup("PORT").orElseThrow().source()).isEqualTo("command line");
        assertThat(layered.lookup("HOST").orElseThrow().source()).isEqualTo("environment");
        assertThat(layered.lookup("LOG_LEVEL").orElseThrow().source()).isEqualTo(".env");
    }

    @Test
    void a_blank_value_falls_through_to_the_next_layer() {
        LayeredConfigSource withBlank = LayeredConfigSource.of(
                MapConfigSource.of("command line", Map.of("HOST", "  ")), environment);

        assertThat(withBlank.lookup("HOST").orElseThrow().source()).isEqualTo("environment");
    }

    @Test
    void an_unknown_key_is_absent() {
        assertThat(layered.lookup("NOPE")).isEmpty();
    }

    @Test
    void keys_are_the_union_of_all_layers() {
        assertThat(layered.keys()).containsExactlyInAnyOrder("PORT", "HOST", "LOG_LEVEL");
    }

    @Test
    void config_values_do_not_print_their_raw_text() {
        assertThat(layered.lookup("PORT").orElseThrow().toString()).isEqualTo("PORT (from command line)");
    }
}
