package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The pieces refresh tokens and API keys are written with: a tenant id as 22 base64url characters,
 * 32 random bytes as 43, and the lower-hex SHA-256 that is stored instead of the credential.
 * Thread-safe: {@link SecureRandom} is, and every digest is made per call.
 */
final class OpaqueText {

    /** Characters of a tenant id: 16 bytes in base64url without padding. */
    static final int TENANT_CHARS = 22;
    /** Characters of the secret part: 32 bytes in base64url without padding. */
    static final int SECRET_CHARS = 43;

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private OpaqueText() {
    }

    static String tenant(TenantId tenant) {
        UUID id = tenant.value();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return ENCODER.encodeToString(bytes.array());
    }

    /** The tenant written at {@code text[from, from + 22)}; empty unless those characters are the one canonical spelling of 16 bytes. */
    static Optional<TenantId> tenantAt(String text, int from) {
        String written = text.substring(from, from + TENANT_CHARS);
        byte[] bytes;
        try {
            bytes = DECODER.decode(written);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // The decoder ignores stray low bits in the last character; re-encoding refuses them, so a
        // tenant has exactly one spelling.
        if (bytes.length != 16 || !ENCODER.encodeToString(bytes).equals(written)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return Optional.of(TenantId.of(new UUID(buffer.getLong(), buffer.getLong())));
    }

    /** Whether {@code text[from, from + 43)} is the canonical base64url spelling of 32 bytes. */
    static boolean isSecretAt(String text, int from) {
        String written = text.substring(from, from + SECRET_CHARS);
        try {
            byte[] bytes = DECODER.decode(written);
            return bytes.length == SECRET_BYTES && ENCODER.encodeToString(bytes).equals(written);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    static String randomLowerAlphanumeric(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    /** Whether {@code text} hashes to {@code storedHash}, compared in constant time; false for a null either side. */
    static boolean hashMatches(String text, String storedHash) {
        if (text == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256Hex(text).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
