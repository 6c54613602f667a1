package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void to_string_never_shows_the_value() {
        assertThat(Secret.of("hunter2-hunter2")).hasToString("******");
    }

    @Test
    void records_holding_a_secret_print_it_masked() {
        record Holder(String user, Secret password) {
        }

        assertThat(new Holder("alice", Secret.of("hunter2-hunter2")).toString())
                .contains("alice")
                .doesNotContain("hunter2");
    }

    @Test
    void reveal_returns_the_value() {
        assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
    }

    @Test
    void equal_values_are_equal_secrets() {
        assertThat(Secret.of("same")).isEqualTo(Secret.of("same")).isNotEqualTo(Secret.of("other"));
    }

    @Test
    void generated_secrets_are_random_base64_of_the_requested_length() {
        Secret first = Secret.generate(32);

        assertThat(Base64.getDecoder().decode(first.reveal())).hasSize(32);
        assertThat(first).isNotEqualTo(Secret.generate(32));
    }
}
