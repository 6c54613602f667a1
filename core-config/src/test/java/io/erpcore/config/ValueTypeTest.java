package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypeTest {

    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "30s, PT30S", "15m, PT15M", "2h, PT2H", "7d, PT168H", "15M, PT15M"})
    void durations_carry_a_unit(String text, Duration expected) {
        assertThat(ValueType.DURATION.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "15 minutes", "1w", "-5s", "s"})
    void durations_without_a_known_unit_are_refused(String text) {
        assertThatThrownBy(() -> ValueType.DURATION.parse(text)).hasMessageContaining("30s, 15m or 7d");
    }

    @Test
    void milliseconds_are_whole_numbers() {
        assertThat(ValueType.MILLISECONDS.parse("30000")).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "-1", "1.5", "lots"})
    void milliseconds_refuse_units_fractions_and_negatives(String text) {
        assertThatThrownBy(() -> ValueType.MILLISECONDS.parse(text)).hasMessageContaining("milliseconds");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "1, true", "yes, true", "on, true", "false, false", "0, false", "no, false", "off, false"})
    void booleans_accept_the_usual_spellings(String text, boolean expected) {
        assertThat(ValueType.BOOLEAN.parse(text)).isEqualTo(expected);
    }

    @Test
    void anything_else_is_not_a_boolean() {
        assertThatThrownBy(() -> ValueType.BOOLEAN.parse("maybe")).hasMessage("must be true or false");
    }

    @Test
    void integers_refuse_text() {
        assertThatThrownBy(() -> ValueType.INTEGER.parse("3k")).hasMessage("must be a whole number");
    }

    @Test
    void lists_are_comma_separated_and_trimmed() {
        assertThat(ValueType.LIST.parse(" a, b ,,c ")).containsExactly("a", "b", "c");
    }

    @Test
    void closed_sets_accept_their_lower_case_words_in_any_case() {
        assertThat(ValueType.oneOf(LogLevel.class).parse("Verbose")).isEqualTo(LogLevel.VERBOSE);
    }

    @Test
    void closed_sets_list_their_words_when_refusing() {
        assertThatThrownBy(() -> ValueType.oneOf(LogLevel.class).parse("trace"))
                .hasMessage("must be one of error|warn|info|http|debug|verbose");
    }

    @Test
    void a_base64_key_must_decode_to_32_bytes() {
        assertThatThrownBy(() -> ValueType.BASE64_KEY.parse("c2hvcnQ="))
                .hasMessageContaining("must decode to 32 bytes but decodes to 5");
    }

    @Test
    void a_base64_key_must_be_base64() {
        assertThatThrownBy(() -> ValueType.BASE64_KEY.parse("not base64 at all!"))
                .hasMessageContaining("must be base64")
                .hasMessageNotContaining("not base64 at all");
    }

    @Test
    void previous_jwt_keys_are_kid_secret_pairs_whose_secret_may_hold_colons() {
        assertThat(ValueType.JWT_KEYS.parse("k0:abc:def, k00:xyz"))
                .extracting(JwtKey::id, key -> key.secret().reveal())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("k0", "abc:def"), org.assertj.core.groups.Tuple.tuple("k00", "xyz"));
    }

    @Test
    void previous_jwt_keys_need_a_kid_and_a_secret_and_never_echo_them() {
        assertThatThrownBy(() -> ValueType.JWT_KEYS.parse("justasecretvalue"))
                .hasMessage("must be a comma list of kid:secret pairs");
    }

    @Test
    void previous_webhook_secrets_are_a_comma_list_of_secrets_that_prints_masked() {
        List<Secret> secrets = ValueType.SECRETS.parse(" first-secret , second-secret,");

        assertThat(secrets).extracting(Secret::reveal).containsExactly("first-secret", "second-secret");
        assertThat(secrets.toString()).doesNotContain("first").doesNotContain("second");
        assertThat(ValueType.SECRETS.sensitive()).isTrue();
    }

    @Test
    void previous_encryption_keys_are_numbered() {
        assertThatThrownBy(() -> ValueType.ENCRYPTION_KEYS.parse("one:" + Configs.ENCRYPTION_KEY))
                .hasMessageContaining("whole numbers");
        assertThat(ValueType.ENCRYPTION_KEYS.parse("7:" + Configs.ENCRYPTION_KEY)).extracting(EncryptionKey::id).containsExactly(7);
    }
}
