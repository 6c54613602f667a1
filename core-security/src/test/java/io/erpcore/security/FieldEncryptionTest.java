package io.erpcore.security;

import static io.erpcore.security.EncryptionKeys.config;
import static io.erpcore.security.EncryptionKeys.key;
import static io.erpcore.security.EncryptionKeys.previous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.erpcore.security.FieldDecryptionException.Reason;
import io.erpcore.tenancy.TenantId;
import java.util.Base64;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Encrypting and decrypting single values, and what a value refuses to decrypt as. */
class FieldEncryptionTest {

    private static final EncryptedColumn PHONE = EncryptedColumn.of("users", "phone");
    private static final TenantId TENANT = TenantId.random();

    private final FieldEncryption encryption = FieldEncryption.from(config(1, key(1)));

    @Test
    void a_value_decrypts_to_what_was_encrypted() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "+44 20 7946 0958");

        assertThat(encryption.decrypt(TENANT, PHONE, ciphertext)).isEqualTo("+44 20 7946 0958");
    }

    @Test
    void unicode_and_empty_values_round_trip() {
        for (String value : new String[] {"", "☎ +81 3-1234-5678 内線 12", "𝟘𝟙𝟚 emoji 📞", "Zoë"}) {
            assertThat(encryption.decrypt(TENANT, PHONE, encryption.encrypt(TENANT, PHONE, value))).isEqualTo(value);
        }
    }

    @Test
    void the_text_is_version_key_id_and_base64url_of_nonce_ciphertext_and_tag() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "12345");

        assertThat(ciphertext).startsWith("v1.1.").doesNotContain("12345").doesNotContain("=");
        byte[] payload = Base64.getUrlDecoder().decode(ciphertext.substring("v1.1.".length()));
        assertThat(payload).hasSize(12 + 5 + 16);
    }

    @Test
    void two_encryptions_of_the_same_value_differ() {
        assertThat(encryption.encrypt(TENANT, PHONE, "555-0100")).isNotEqualTo(encryption.encrypt(TENANT, PHONE, "555-0100"));
    }

    @Test
    void a_value_of_one_tenant_does_not_decrypt_as_another_tenant() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "555-0100");
        TenantId other = TenantId.random();

        FieldDecryptionException failure = catchThrowableOfType(FieldDecryptionException.class,
                () -> encryption.decrypt(other, PHONE, ciphertext));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
        assertThat(failure.tenant()).isEqualTo(other);
    }

    @Test
    void a_value_of_one_column_does_not_decrypt_in_another() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "555-0100");

        assertThatThrownBy(() -> encryption.decrypt(TENANT, EncryptedColumn.of("users", "display_name"), ciphertext))
                .isInstanceOfSatisfying(FieldDecryptionException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> encryption.decrypt(TENANT, EncryptedColumn.of("contacts", "phone"), ciphertext))
                .isInstanceOf(FieldDecryptionException.class);
    }

    @Test
    void a_changed_byte_anywhere_in_nonce_ciphertext_or_tag_fails_authentication() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "555-0100");
        byte[] payload = Base64.getUrlDecoder().decode(ciphertext.substring("v1.1.".length()));

        for (int i = 0; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String text = "v1.1." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

            assertThatThrownBy(() -> encryption.decrypt(TENANT, PHONE, text))
                    .isInstanceOfSatisfying(FieldDecryptionException.class,
                            failure -> assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        }
    }

    @Test
    void a_value_relabelled_with_another_key_id_fails_even_when_both_ids_hold_the_same_key() {
        // Key 2 has key 1's bytes, so only the key id in the associated data tells them apart.
        FieldEncryption twoIds = FieldEncryption.from(config(1, key(1), previous(2, 1)));
        String relabelled = twoIds.encrypt(TENANT, PHONE, "555-0100").replaceFirst("^v1\\.1\\.", "v1.2.");

        assertThatThrownBy(() -> twoIds.decrypt(TENANT, PHONE, relabelled))
                .isInstanceOfSatisfying(FieldDecryptionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                    assertThat(failure.keyId()).hasValue(2);
                });
    }

    @Test
    void a_value_under_a_key_id_the_configuration_lacks_is_refused_as_unknown() {
        String relabelled = encryption.encrypt(TENANT, PHONE, "555-0100").replaceFirst("^v1\\.1\\.", "v1.7.");

        assertThatThrownBy(() -> encryption.decrypt(TENANT, PHONE, relabelled))
                .isInstanceOfSatisfying(FieldDecryptionException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID))
                .hasMessage("Cannot decrypt users.phone of tenant '" + TENANT + "' (key id 7): unknown key id");
    }

    @Test
    void the_failure_names_tenant_column_and_key_id_but_neither_ciphertext_nor_plaintext() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "555-0100");
        TenantId other = TenantId.random();

        assertThatThrownBy(() -> encryption.decrypt(other, PHONE, ciphertext))
                .hasMessage("Cannot decrypt users.phone of tenant '" + other + "' (key id 1): authentication failed")
                .satisfies(failure -> assertThat(failure.getMessage())
                        .doesNotContain(ciphertext.substring(5)).doesNotContain("555-0100"));
    }

    @Test
    void a_value_encrypted_before_rotation_decrypts_under_the_previous_key() {
        String underKey1 = encryption.encrypt(TENANT, PHONE, "555-0100");
        FieldEncryption rotated = FieldEncryption.from(config(2, key(2), previous(1, 1)));

        assertThat(rotated.decrypt(TENANT, PHONE, underKey1)).isEqualTo("555-0100");
        assertThat(rotated.isCurrent(underKey1)).isFalse();
    }

    @Test
    void reencrypt_moves_a_value_to_the_current_key_where_it_still_decrypts() {
        String underKey1 = encryption.encrypt(TENANT, PHONE, "555-0100");
        FieldEncryption rotated = FieldEncryption.from(config(2, key(2), previous(1, 1)));

        String underKey2 = rotated.reencrypt(TENANT, PHONE, underKey1);

        assertThat(underKey2).startsWith("v1.2.");
        assertThat(rotated.keyIdOf(underKey2)).hasValue(2);
        assertThat(rotated.isCurrent(underKey2)).isTrue();
        assertThat(rotated.decrypt(TENANT, PHONE, underKey2)).isEqualTo("555-0100");
        assertThat(FieldEncryption.from(config(2, key(2))).decrypt(TENANT, PHONE, underKey2)).isEqualTo("555-0100");
    }

    @Test
    void reencrypt_returns_a_value_already_under_the_current_key_unchanged() {
        String current = encryption.encrypt(TENANT, PHONE, "555-0100");

        assertThat(encryption.reencrypt(TENANT, PHONE, current)).isSameAs(current);
    }

    @Test
    void once_the_old_key_is_dropped_its_values_are_refused_as_unknown_key_id() {
        String underKey1 = encryption.encrypt(TENANT, PHONE, "555-0100");
        FieldEncryption withoutKey1 = FieldEncryption.from(config(2, key(2)));

        assertThatThrownBy(() -> withoutKey1.decrypt(TENANT, PHONE, underKey1))
                .isInstanceOfSatisfying(FieldDecryptionException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID))
                .hasMessageEndingWith("(key id 1): unknown key id");
        assertThatThrownBy(() -> withoutKey1.reencrypt(TENANT, PHONE, underKey1))
                .isInstanceOf(FieldDecryptionException.class);
    }

    @Test
    void a_value_under_another_master_key_with_the_same_id_fails_authentication() {
        String ciphertext = encryption.encrypt(TENANT, PHONE, "555-0100");

        assertThatThrownBy(() -> FieldEncryption.from(config(1, key(9))).decrypt(TENANT, PHONE, ciphertext))
                .isInstanceOfSatisfying(FieldDecryptionException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void key_id_of_reads_the_id_and_is_empty_for_text_that_is_no_ciphertext() {
        assertThat(encryption.keyIdOf(encryption.encrypt(TENANT, PHONE, "x"))).hasValue(1);
        assertThat(encryption.keyIdOf("+44 20 7946 0958")).isEmpty();
        assertThat(encryption.keyIdOf("v1.01.abc")).isEmpty();
        assertThat(encryption.keyIdOf(null)).isEqualTo(OptionalInt.empty());
        assertThat(encryption.isCurrent("555-0100")).isFalse();
    }

    @Test
    void refuses_a_configuration_that_names_one_key_id_twice() {
        assertThatThrownBy(() -> FieldEncryption.from(config(1, key(1), previous(1, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encryption key id 1 is configured twice");
    }

    @Test
    void to_string_names_key_ids_but_never_a_key() {
        FieldEncryption rotated = FieldEncryption.from(config(2, key(2), previous(1, 1)));

        assertThat(rotated.toString()).isEqualTo("FieldEncryption[AES-256-GCM, currentKeyId=2, keyIds=[1, 2]]")
                .doesNotContain(key(2).reveal()).doesNotContain(key(1).reveal());
    }
}
