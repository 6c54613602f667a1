package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderFieldTest {

    @Test
    void prints_as_it_appears_on_the_wire() {
        assertThat(new HeaderField("X-Frame-Options", "SAMEORIGIN")).hasToString("X-Frame-Options: SAMEORIGIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok\r\nSet-Cookie: a=b", "ok\nX: y", "ok\u0000"})
    void refuses_a_value_that_could_start_another_header(String value) {
        assertThatThrownBy(() -> new HeaderField("X-Test", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header 'X-Test' must not contain CR, LF or NUL in its value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Test", "X-Test:", "X-Tést"})
    void refuses_a_name_that_is_not_a_token(String name) {
        assertThatThrownBy(() -> new HeaderField(name, "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" must be a token");
    }
}
