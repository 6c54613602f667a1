package io.erpcore.security;

import static io.erpcore.security.EncryptionKeys.config;
import static io.erpcore.security.EncryptionKeys.key;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.security.FieldDecryptionException.Reason;
import io.erpcore.tenancy.TenantId;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text form of ciphertexts: what is refused as malformed, and the nonces it carries. */
class FieldCiphertextTest {

    private static final EncryptedColumn PHONE = EncryptedColumn.of("users", "phone");
    private static final TenantId TENANT = TenantId.random();
    // 27 zero bytes: one short of a nonce and a tag.
    private static final String TOO_SHORT = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    // 28 zero bytes, padded: a length that would do, but not the canonical spelling.
    private static final String PADDED = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

    private final FieldEncryption encryption = FieldEncryption.from(config(1, key(1)));

    @ParameterizedTest
    @ValueSource(strings = {"", "555-0100", "v2.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "V1.1.AAAA", "v1.", "v1.1",
            "v1..AAAA", "v1.0.AAAA", "v1.01.AAAA", "v1.-1.AAAA", "v1.x.AAAA", "v1.2147483648.AAAA", "v1.1.",
            "v1.1.!!!!", "v1.1.AAAA+/AA", "v1.1." + TOO_SHORT, "v1.1." + PADDED, "v1.1.AAAB"})
    void a_text_that_is_no_ciphertext_is_refused_as_malformed_without_being_quoted(String text) {
        assertThatThrownBy(() -> encryption.decrypt(TENANT, PHONE, text))
                .isInstanceOfSatisfying(FieldDecryptionException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageStartingWith("Cannot decrypt users.phone of tenant '" + TENANT + "' (")
                .hasMessageContaining("): malformed ciphertext: ")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("AAAA").doesNotContain("!!!!"));
    }

    @Test
    void the_message_says_what_is_wrong() {
        assertThatThrownBy(() -> encryption.decrypt(TENANT, PHONE, "v2.1.AAAA"))
                .hasMessageEndingWith("(no key id): malformed ciphertext: it does not start with 'v1.'");
        assertThatThrownBy(() -> encryption.decrypt(TENANT, PHONE, "v1.1." + TOO_SHORT))
                .hasMessageEndingWith("(key id 1): malformed ciphertext: its payload is 27 bytes, shorter than a nonce"
                        + " and a tag (28)");
        assertThatThrownBy(() -> encryption.decrypt(TENANT, PHONE, "v1.1.!!!!"))
                .hasMessageEndingWith("(key id 1): malformed ciphertext: its payload is not base64url without padding");
    }

    @Test
    void no_nonce_repeats_over_a_million_encryptions() {
        int encryptions = 1_000_000;
        Set<Nonce> nonces = new HashSet<>(encryptions * 2);

        for (int i = 0; i < encryptions; i++) {
            String text = encryption.encrypt(TENANT, PHONE, "");
            // The nonce's 12 bytes are exactly the payload's first 16 characters.
            nonces.add(Nonce.of(Base64.getUrlDecoder().decode(text.substring(5, 21))));
        }

        assertThat(nonces).hasSize(encryptions);
    }

    /** A 12-byte nonce, held in a long and an int rather than an array object. */
    private record Nonce(long high, int low) {

        static Nonce of(byte[] nonce) {
            long high = 0;
            for (int i = 0; i < 8; i++) {
                high = high << 8 | (nonce[i] & 0xff);
            }
            int low = 0;
            for (int i = 8; i < 12; i++) {
                low = low << 8 | (nonce[i] & 0xff);
            }
            return new Nonce(high, low);
        }
    }
}
