package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelValuesTest {

    @Test
    void a_clean_short_value_is_returned_as_it_is() {
        String value = "/api/v1/users/{id}";

        assertThat(LabelValues.sanitize(value)).isSameAs(value);
    }

    @Test
    void null_becomes_the_empty_string() {
        assertThat(LabelValues.sanitize(null)).isEmpty();
    }

    @Test
    void control_characters_are_stripped() {
        assertThat(LabelValues.sanitize("inv\noice\u0000s\t")).isEqualTo("invoices");
    }

    @Test
    void long_values_are_cut_to_120_characters() {
        assertThat(LabelValues.sanitize("x".repeat(500))).hasSize(120);
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String value = "x".repeat(119) + "\uD83D\uDE00" + "tail";

        assertThat(LabelValues.sanitize(value)).isEqualTo("x".repeat(119));
    }

    @Test
    void standard_http_methods_are_upper_cased() {
        assertThat(LabelValues.method("get")).isEqualTo("GET");
        assertThat(LabelValues.method("Patch")).isEqualTo("PATCH");
        assertThat(LabelValues.method("CONNECT")).isEqualTo("CONNECT");
    }

    @Test
    void a_method_the_client_made_up_is_other() {
        assertThat(LabelValues.method("PROPFIND")).isEqualTo("OTHER");
        assertThat(LabelValues.method("GET\n")).isEqualTo("OTHER");
        assertThat(LabelValues.method(null)).isEqualTo("OTHER");
    }

    @Test
    void status_codes_come_from_a_cache() {
        assertThat(LabelValues.statusCode(200)).isEqualTo("200").isSameAs(LabelValues.statusCode(200));
        assertThat(LabelValues.statusCode(100)).isEqualTo("100");
        assertThat(LabelValues.statusCode(599)).isEqualTo("599");
    }

    @Test
    void a_status_code_outside_100_to_599_is_other() {
        assertThat(LabelValues.statusCode(0)).isEqualTo("other");
        assertThat(LabelValues.statusCode(600)).isEqualTo("other");
    }
}
