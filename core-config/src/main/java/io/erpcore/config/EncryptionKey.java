package io.erpcore.config;

import jakarta.validation.constraints.Min;
import java.util.Base64;

/**
 * A 256-bit data-encryption key and its id. Ciphertexts record the id of the key that wrote them,
 * so previous keys stay here, decrypt-only, until every row is re-encrypted.
 */
public record EncryptionKey(
        @Min(value = 1, message = "key ids must be positive") int id,
        @StrongSecret(minBytes = 32, base64 = true, groups = OutsideDevelopment.class) Secret key) {

    /** Bytes in an AES-256 key. */
    public static final int KEY_BYTES = 32;

    /** {@code id:base64key}. */
    static EncryptionKey parse(String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("must be a comma list of id:base64key pairs");
        }
        int id;
        try {
            id = Integer.parseInt(entry.substring(0, colon).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key ids must be whole numbers, as in 1:base64key", e);
        }
        return new EncryptionKey(id, base64Key(entry.substring(colon + 1)));
    }

    /** Checks that {@code text} is base64 for exactly 32 bytes, without ever quoting it. */
    static Secret base64Key(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be base64 (generate a key with: openssl rand -base64 32)", e);
        }
        if (decoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("must decode to " + KEY_BYTES + " bytes but decodes to "
                    + decoded.length + " (generate a key with: openssl rand -base64 32)");
        }
        return Secret.of(text.strip());
    }

    /** The raw key bytes. */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(key.reveal());
    }

    @Override
    public String toString() {
        return id + ":" + Secret.MASK;
    }
}
