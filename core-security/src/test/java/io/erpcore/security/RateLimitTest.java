package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @ParameterizedTest
    @ValueSource(strings = {"general", "login-ip", "slow-down", "a-b-c"})
    void accepts_lower_case_words_joined_by_hyphens(String name) {
        assertThat(RateLimit.of(name, 1, WINDOW).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "General", "login_ip", "-ip", "ip-", "login--ip", "v2", "login ip"})
    void refuses_any_other_name(String name) {
        assertThatThrownBy(() -> RateLimit.of(name, 1, WINDOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'name' must be lower-case letters in words joined by '-' (as in 'login-ip') but was '"
                        + name + "'");
    }

    @Test
    void refuses_a_capacity_below_one() {
        assertThatThrownBy(() -> RateLimit.of("general", 0, WINDOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'capacity' of rate limit 'general' must be at least 1 but was 0");
    }

    @Test
    void refuses_a_window_below_one_second() {
        assertThatThrownBy(() -> RateLimit.of("general", 5, Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'window' of rate limit 'general' must be at least 1 s but was 999 ms");
    }

    @Test
    void limits_with_equal_parts_are_equal() {
        assertThat(RateLimit.of("tenant", 1000, WINDOW)).isEqualTo(RateLimit.of("tenant", 1000, WINDOW));
    }
}
