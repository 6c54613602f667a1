package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.erpcore.config.PasswordConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";
    /** Tests use OWASP's minimum-for-development count; production uses 600,000. */
    private static final PasswordHasher HASHER = hasher(1000);

    private static PasswordHasher hasher(int iterations) {
        return PasswordHasher.from(new PasswordConfig(12, iterations));
    }

    @Test
    void a_hash_verifies_against_its_password() {
        assertThat(HASHER.verify(PASSWORD, HASHER.hash(PASSWORD))).isEqualTo(new PasswordCheck(true, false));
    }

    @Test
    void a_hash_names_its_scheme_iterations_salt_and_hash() {
        assertThat(HASHER.hash(PASSWORD)).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
    }

    @Test
    void a_wrong_password_does_not_match() {
        assertThat(HASHER.verify("correct horse battery stapler", HASHER.hash(PASSWORD)).matches()).isFalse();
    }

    @Test
    void hashing_one_password_twice_gives_two_hashes_because_each_has_its_own_salt() {
        assertThat(HASHER.hash(PASSWORD)).isNotEqualTo(HASHER.hash(PASSWORD));
    }

    @Test
    void a_hash_verifies_the_rfc_style_pbkdf2_sha256_known_answer() {
        // PBKDF2-HMAC-SHA256("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40 bytes),
        // the published test vector 348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9.
        String stored = "pbkdf2-sha256$4096$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0"
                + "$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q==";

        assertThat(hasher(4096).verify("passwordPASSWORDpassword", stored).matches()).isTrue();
    }

    @Test
    void a_hash_made_with_fewer_iterations_than_configured_needs_a_rehash() {
        String old = hasher(1000).hash(PASSWORD);

        assertThat(hasher(2000).verify(PASSWORD, old)).isEqualTo(new PasswordCheck(true, true));
    }

    @Test
    void a_hash_made_with_more_iterations_than_configured_verifies_without_a_rehash() {
        String stronger = hasher(2000).hash(PASSWORD);

        assertThat(HASHER.verify(PASSWORD, stronger)).isEqualTo(new PasswordCheck(true, false));
    }

    @Test
    void a_wrong_password_never_asks_for_a_rehash() {
        String old = hasher(1000).hash(PASSWORD);

        assertThat(hasher(2000).verify("not the password", old)).isEqualTo(new PasswordCheck(false, false));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "garbage",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA==$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$99999999$c2FsdHNhbHRzYWx0c2FsdA==$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$1000$!!notbase64!!$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$!!",
        "pbkdf2-sha256$1000$$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA==$extra",
    })
    void a_malformed_stored_hash_is_a_mismatch_not_an_exception(String stored) {
        assertThat(HASHER.verify(PASSWORD, stored)).isEqualTo(new PasswordCheck(false, false));
    }

    @Test
    void a_ten_kilobyte_stored_hash_is_a_mismatch() {
        assertThat(HASHER.verify(PASSWORD, "pbkdf2-sha256$1000$" + "A".repeat(10 * 1024))).isEqualTo(new PasswordCheck(false, false));
    }

    @Test
    void the_empty_password_hashes_and_verifies_like_any_other() {
        // The policy refuses it on the way in; the hasher itself has no opinion and must not fail.
        assertThat(HASHER.verify("", HASHER.hash("")).matches()).isTrue();
        assertThat(HASHER.verify("", HASHER.hash(PASSWORD)).matches()).isFalse();
    }

    @Test
    void verify_nothing_does_the_work_and_answers_nothing() {
        assertThatCode(() -> HASHER.verifyNothing(PASSWORD)).doesNotThrowAnyException();
    }

    @Test
    void to_string_shows_the_cost_only() {
        assertThat(HASHER).hasToString("PasswordHasher[pbkdf2-sha256, iterations=1000]");
    }
}
