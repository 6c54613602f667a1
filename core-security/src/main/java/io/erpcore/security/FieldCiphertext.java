package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The text form of a field ciphertext, format version 1:
 *
 * <pre>{@code v1.<keyId>.<payload>}</pre>
 *
 * <ul>
 *   <li>{@code keyId}: the id of the key that encrypted it, in decimal, 1 to 2147483647, without
 *       sign or leading zeros, so each id has exactly one spelling;
 *   <li>{@code payload}: base64url without padding (RFC 4648 section 5) of the 12-byte nonce, then
 *       the AES-GCM ciphertext (as long as the UTF-8 plaintext), then the 16-byte tag.
 * </ul>
 *
 * <p>A later format changes the {@code v1} prefix, so both can be told apart while rows move.
 * Parsing is strict: only the canonical spelling of a payload is accepted, so one ciphertext has
 * one text and a changed text never passes as the same value.
 */
final class FieldCiphertext {

    static final String PREFIX = "v1.";
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final int MAX_KEY_ID_DIGITS = 10;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final int keyId;
    private final byte[] payload;

    private FieldCiphertext(int keyId, byte[] payload) {
        this.keyId = keyId;
        this.payload = payload;
    }

    /** The text of {@code payload} (nonce, ciphertext, tag) under key {@code keyId}. */
    static String format(int keyId, byte[] payload) {
        return PREFIX + keyId + "." + ENCODER.encodeToString(payload);
    }

    /** The key id {@code text} names, if it starts like a version-1 ciphertext; the payload is not looked at. */
    static OptionalInt keyIdOf(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return OptionalInt.empty();
        }
        int dot = text.indexOf('.', PREFIX.length());
        return dot < 0 ? OptionalInt.empty() : keyId(text, PREFIX.length(), dot);
    }

    /**
     * The key id and payload of {@code text}, read for {@code tenant}'s {@code column}.
     *
     * @throws FieldDecryptionException with reason {@code MALFORMED} for anything but a canonical
     *     version-1 text whose payload holds at least a nonce and a tag
     */
    static FieldCiphertext parse(String text, TenantId tenant, EncryptedColumn column) {
        if (!text.startsWith(PREFIX)) {
            throw FieldDecryptionException.malformed(tenant, column, OptionalInt.empty(),
                    "it does not start with '" + PREFIX + "'");
        }
        OptionalInt keyId = keyIdOf(text);
        if (keyId.isEmpty()) {
            throw FieldDecryptionException.malformed(tenant, column, keyId,
                    "it names no key id from 1 to 2147483647 followed by '.'");
        }
        String encoded = text.substring(text.indexOf('.', PREFIX.length()) + 1);
        byte[] payload = decode(encoded);
        if (payload == null) {
            throw FieldDecryptionException.malformed(tenant, column, keyId, "its payload is not base64url without padding");
        }
        if (payload.length < NONCE_BYTES + TAG_BYTES) {
            throw FieldDecryptionException.malformed(tenant, column, keyId, "its payload is " + payload.length
                    + " bytes, shorter than a nonce and a tag (" + (NONCE_BYTES + TAG_BYTES) + ")");
        }
        return new FieldCiphertext(keyId.getAsInt(), payload);
    }

    int keyId() {
        return keyId;
    }

    /** Nonce, ciphertext and tag; the caller's to read, not to change. */
    byte[] payload() {
        return payload;
    }

    private static OptionalInt keyId(String text, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > MAX_KEY_ID_DIGITS || text.charAt(from) == '0') {
            return OptionalInt.empty();
        }
        long id = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            id = id * 10 + (c - '0');
        }
        return id > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) id);
    }

    // The JDK decoder accepts padding and ignores stray low bits of the last character; re-encoding
    // and comparing refuses both, so every payload has one spelling.
    private static byte[] decode(String encoded) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        return ENCODER.encodeToString(bytes).equals(encoded) ? bytes : null;
    }
}
