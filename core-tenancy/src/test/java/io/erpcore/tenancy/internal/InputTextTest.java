package io.erpcore.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputTextTest {

    @Test
    void quotes_short_text_whole() {
        assertThat(InputText.quote("abc")).isEqualTo("'abc'");
    }

    @Test
    void quotes_exactly_forty_characters_whole() {
        assertThat(InputText.quote("y".repeat(40))).isEqualTo("'" + "y".repeat(40) + "'");
    }

    @Test
    void quotes_longer_text_by_its_first_forty_characters_and_its_length() {
        assertThat(InputText.quote("z".repeat(41))).isEqualTo("'" + "z".repeat(40) + "' (first 40 of 41 characters)");
    }

    @Test
    void writes_a_missing_text_as_null() {
        assertThat(InputText.quote(null)).isEqualTo("null");
    }

    @Test
    void shows_control_characters_as_question_marks() {
        assertThat(InputText.quote("a\u0000b\u001bc\n")).isEqualTo("'a?b?c?'");
    }
}
