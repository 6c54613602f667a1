package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    private static final String CANONICAL = "3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a";

    @Test
    void parses_the_canonical_form() {
        assertThat(TenantId.parse(CANONICAL).value()).isEqualTo(UUID.fromString(CANONICAL));
    }

    @Test
    void parses_upper_case_and_writes_lower_case() {
        assertThat(TenantId.parse(CANONICAL.toUpperCase())).hasToString(CANONICAL);
    }

    @Test
    void ignores_surrounding_blanks() {
        assertThat(TenantId.parse("  " + CANONICAL + "\t")).isEqualTo(TenantId.parse(CANONICAL));
    }

    @Test
    void ids_spelled_in_different_cases_are_equal() {
        assertThat(TenantId.parse(CANONICAL.toUpperCase())).isEqualTo(TenantId.parse(CANONICAL));
    }

    @Test
    void writes_the_canonical_lower_case_uuid() {
        UUID uuid = UUID.randomUUID();

        assertThat(TenantId.of(uuid)).hasToString(uuid.toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
        "123",
        "   ",
        "3f2b8c1e0d4a4c8e9b7a2f1e6d5c4b3a",
        "{3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a}",
        "urn:uuid:3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a",
        "1-1-1-1-1",
        "3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3",
        "3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a0",
        "3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3g",
        "3f2b8c1e_0d4a_4c8e_9b7a_2f1e6d5c4b3a",
        "3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a 3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a"
    })
    void refuses_anything_but_the_canonical_form(String text) {
        assertThatThrownBy(() -> TenantId.parse(text))
                .isInstanceOf(InvalidTenantIdException.class)
                .isInstanceOf(TenancyException.class)
                .hasMessageStartingWith("tenant id must be a UUID");
    }

    @Test
    void the_refusal_quotes_the_input() {
        assertThatThrownBy(() -> TenantId.parse("abc"))
                .hasMessage("tenant id must be a UUID (8-4-4-4-12 hex digits) but was 'abc'");
    }

    @Test
    void the_refusal_quotes_at_most_the_first_40_characters() {
        String input = "x".repeat(40) + "TAIL-NEVER-SHOWN";

        assertThatThrownBy(() -> TenantId.parse(input))
                .hasMessageEndingWith("but was '" + "x".repeat(40) + "' (first 40 of 56 characters)")
                .hasMessageNotContaining("TAIL");
    }

    @Test
    void the_refusal_shows_control_characters_as_question_marks() {
        assertThatThrownBy(() -> TenantId.parse("a\r\nforged log line"))
                .hasMessageEndingWith("but was 'a??forged log line'");
    }

    @Test
    void refuses_a_missing_uuid() {
        assertThatThrownBy(() -> TenantId.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void random_ids_differ() {
        assertThat(TenantId.random()).isNotEqualTo(TenantId.random());
    }
}
