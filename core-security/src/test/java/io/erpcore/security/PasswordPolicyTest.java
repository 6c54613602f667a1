package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.PasswordConfig;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = policy(12);
    private static final String EMAIL = "alice.smith@example.com";
    private static final String STRONG = "tG7#vQ2!mZ9@pL4$wR8^";

    private static PasswordPolicy policy(int minLength) {
        return PasswordPolicy.from(new PasswordConfig(minLength, 1000));
    }

    @Test
    void a_long_random_password_is_acceptable() {
        assertThat(POLICY.violations(STRONG, EMAIL)).isEmpty();
    }

    @Test
    void a_password_shorter_than_the_minimum_is_refused() {
        assertThat(POLICY.violations("tG7#vQ2!mZ9", EMAIL)).containsExactly("must be at least 12 characters long");
    }

    @Test
    void a_password_of_exactly_the_minimum_length_is_acceptable() {
        assertThat(POLICY.violations("tG7#vQ2!mZ9@", EMAIL)).isEmpty();
    }

    @Test
    void length_counts_code_points_so_an_emoji_is_one_character() {
        String twelveEmoji = "\uD83D\uDD11".repeat(6) + "\uD83C\uDF35".repeat(6);

        assertThat(POLICY.violations(twelveEmoji, EMAIL)).isEmpty();
        assertThat(POLICY.violations(twelveEmoji.substring(2), EMAIL)).containsExactly("must be at least 12 characters long");
    }

    @Test
    void a_password_longer_than_128_characters_is_refused() {
        assertThat(POLICY.violations("x7Qp".repeat(33), EMAIL)).containsExactly("must be at most 128 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1", "PASSWORD1", "QwErTy123", "iloveyou1", "1q2w3e4r5t"})
    void a_password_from_the_common_list_is_refused_in_any_case(String common) {
        assertThat(policy(8).violations(common, EMAIL))
                .containsExactly("is one of the most commonly used passwords; choose one that is harder to guess");
    }

    @Test
    void a_twelve_character_password_from_the_common_list_is_refused_at_the_default_minimum() {
        assertThat(POLICY.violations("UnBelievable", EMAIL))
                .containsExactly("is one of the most commonly used passwords; choose one that is harder to guess");
    }

    @Test
    void the_common_list_is_matched_exactly_so_a_variant_of_an_entry_passes() {
        // "christopher" is on the list; length does the rest of the work against such variants.
        assertThat(POLICY.violations("Christopher1", EMAIL)).isEmpty();
    }

    @Test
    void the_common_list_holds_ten_thousand_passwords() {
        assertThat(CommonPasswords.size()).isEqualTo(10_000);
    }

    @Test
    void a_password_containing_the_email_local_part_is_refused_in_any_case() {
        assertThat(POLICY.violations("my-Alice.Smith-2024!", EMAIL))
                .containsExactly("must not contain the part of the e-mail address before the @");
    }

    @Test
    void a_password_equal_to_the_email_local_part_is_refused() {
        assertThat(POLICY.violations("rosalind.franklin", "rosalind.franklin@example.com"))
                .containsExactly("must not contain the part of the e-mail address before the @");
    }

    @Test
    void a_local_part_of_two_characters_is_not_looked_for() {
        assertThat(POLICY.violations(STRONG + "jo", "jo@example.com")).isEmpty();
    }

    @Test
    void without_an_email_only_the_other_rules_apply() {
        assertThat(POLICY.violations(STRONG, null)).isEmpty();
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        assertThat(policy(16).violations("abc123", "abc123@example.com")).hasSize(3);
    }

    @Test
    void no_message_quotes_the_password() {
        for (String password : List.of("abc123", "Sup3rSecret!!", "alice.smith", "x7Qp".repeat(40))) {
            List<String> violations = policy(16).violations(password, EMAIL);

            assertThat(violations).isNotEmpty();
            assertThat(violations).allSatisfy(message ->
                    assertThat(message.toLowerCase(Locale.ROOT)).doesNotContain(password.toLowerCase(Locale.ROOT)));
        }
    }
}
