package io.erpcore.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RedactorTextTest {

    private final Redactor redactor = Redactor.defaults();

    @Test
    void masks_key_equals_value() {
        assertThat(redactor.redactText("login password=hunter2 user=bob"))
                .isEqualTo("login password=[REDACTED] user=bob");
    }

    @Test
    void masks_key_colon_value_to_the_end_of_the_line() {
        assertThat(redactor.redactText("Cookie: session=abc; theme=dark\nHost: example.com"))
                .isEqualTo("Cookie: [REDACTED]\nHost: example.com");
    }

    @Test
    void masks_json_string_values() {
        assertThat(redactor.redactText("{\"password\":\"x\",\"a\":1}"))
                .isEqualTo("{\"password\":\"[REDACTED]\",\"a\":1}");
    }

    @Test
    void keeps_json_valid_when_a_secret_is_not_a_string() {
        assertThat(redactor.redactText("{\"pin\":1, \"apiKey\": 12345, \"a\":1}"))
                .isEqualTo("{\"pin\":1, \"apiKey\": \"[REDACTED]\", \"a\":1}");
    }

    @Test
    void masks_a_json_string_with_escaped_quotes_up_to_its_closing_quote() {
        assertThat(redactor.redactText("{\"token\":\"a\\\"b\",\"a\":1}"))
                .isEqualTo("{\"token\":\"[REDACTED]\",\"a\":1}");
    }

    @Test
    void masks_quoted_values_with_spaces() {
        assertThat(redactor.redactText("secret='correct horse battery' user=bob"))
                .isEqualTo("secret='[REDACTED]' user=bob");
    }

    @Test
    void keeps_the_authorization_scheme_and_masks_the_credentials() {
        assertThat(redactor.redactText("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(redactor.redactText("authorization: Basic dXNlcjpwYXNz"))
                .isEqualTo("authorization: Basic [REDACTED]");
    }

    @Test
    void masks_a_bearer_token_that_stands_alone() {
        assertThat(redactor.redactText("rejected Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig from 10.0.0.1"))
                .isEqualTo("rejected Bearer [REDACTED] from 10.0.0.1");
    }

    @Test
    void masks_secrets_in_a_query_string() {
        assertThat(redactor.redactText("GET /cb?user=bob&access_token=abc123&state=xyz"))
                .isEqualTo("GET /cb?user=bob&access_token=[REDACTED]&state=xyz");
    }

    @Test
    void masks_a_secret_that_follows_another_assignment_directly() {
        assertThat(redactor.redactText("note=password=abc")).isEqualTo("note=password=[REDACTED]");
    }

    @Test
    void masks_extra_keys_in_text() {
        assertThat(Redactor.withExtraKeys(List.of("ssn")).redactText("customer ssn=123-45-6789 ok"))
                .isEqualTo("customer ssn=[REDACTED] ok");
    }

    @Test
    void does_not_take_author_for_authorization() {
        assertThat(redactor.redactText("author=bob author: alice")).isEqualTo("author=bob author: alice");
    }

    @Test
    void leaves_text_without_secrets_unchanged() {
        String text = "GET /api/v1/users/42 200 in 12:30 ms, bearer of bad news";

        assertThat(redactor.redactText(text)).isEqualTo(text);
    }

    @Test
    void leaves_null_null() {
        assertThat(redactor.redactText(null)).isNull();
    }

    @Test
    @Timeout(5)
    void stays_linear_on_hostile_input() {
        int size = 200_000;
        List<String> hostile = List.of("a".repeat(size), "a:".repeat(size), "password=".repeat(size),
                "\"password\":\"".repeat(size), "Bearer ".repeat(size), "-".repeat(size) + "=",
                "password: " + " ".repeat(size), "\"a\"".repeat(size));

        for (String text : hostile) {
            assertThat(redactor.redactText(text)).isNotNull();
        }
    }
}
