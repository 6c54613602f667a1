package io.erpcore.security;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), over the JDK's {@link Mac}. JDK 17 has no HKDF API (it
 * arrives in JDK 24 as {@code javax.crypto.KDF}); the construction is two HMAC loops, and this
 * one is checked against the RFC's test vectors A.1 to A.3, which is preferable to pulling a
 * whole crypto provider of several megabytes onto the class path for it. Stateless; thread-safe.
 */
final class Hkdf {

    /** Bytes of an HMAC-SHA256 output, the RFC's {@code HashLen}. */
    static final int HASH_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final int MAX_OUTPUT = 255 * HASH_BYTES;

    private Hkdf() {
    }

    /**
     * HKDF-Extract: the pseudorandom key of {@code ikm}. An empty {@code salt} stands for
     * {@code HashLen} zero bytes, as the RFC says (HMAC pads its key with zeros, so the two agree,
     * and the JDK refuses an empty key).
     */
    static byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        byte[] key = Objects.requireNonNull(salt, "salt").length == 0 ? new byte[HASH_BYTES] : salt;
        return hmac(key).doFinal(ikm);
    }

    /** HKDF-Expand: {@code length} bytes (at most 8160) of output keying material from {@code prk} for {@code info}. */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > MAX_OUTPUT) {
            throw new IllegalArgumentException("HKDF output must be 1 to " + MAX_OUTPUT + " bytes but was " + length);
        }
        Mac mac = hmac(prk);
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        for (int counter = 1, written = 0; written < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, okm, written, take);
            written += take;
        }
        Arrays.fill(block, (byte) 0);
        return okm;
    }

    /** Extract, then expand. */
    static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw missing(e);
        }
    }

    // Every JDK must offer HmacSHA256 (Java SE's list of required algorithms); reaching this is a broken runtime.
    private static IllegalStateException missing(GeneralSecurityException e) {
        return new IllegalStateException("The JDK cannot compute " + HMAC + ", which every Java SE runtime must", e);
    }
}
