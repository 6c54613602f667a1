package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedInputTest {

    @Test
    void quotes_short_input_whole() {
        assertThat(QuotedInput.quote("https://app.example.com")).isEqualTo("'https://app.example.com'");
    }

    @Test
    void shows_control_characters_as_question_marks() {
        assertThat(QuotedInput.quote("a\r\nb\u0000")).isEqualTo("'a??b?'");
    }

    @Test
    void cuts_long_input_and_says_how_long_it_was() {
        assertThat(QuotedInput.quote("x".repeat(100)))
                .isEqualTo("'" + "x".repeat(QuotedInput.LIMIT) + "' (first 60 of 100 characters)");
    }

    @Test
    void writes_null_as_null() {
        assertThat(QuotedInput.quote(null)).isEqualTo("null");
    }
}
