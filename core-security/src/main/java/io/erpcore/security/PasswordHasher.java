package io.erpcore.security;

import io.erpcore.config.PasswordConfig;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords with PBKDF2-HMAC-SHA256 from the JDK ({@code PASSWORD_HASH_ITERATIONS}
 * iterations, a 16-byte random salt, a 32-byte hash) into a self-describing text:
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>} (standard base64 with padding).
 * Because the text names its iteration count, raising {@code PASSWORD_HASH_ITERATIONS} keeps old
 * hashes verifiable, and {@link PasswordCheck#needsRehash()} says when to upgrade one.
 *
 * <p>Passwords are hashed as given (their UTF-8 bytes); no Unicode normalisation is applied, so
 * {@code é} written as one code point and as {@code e} plus a combining accent are different
 * passwords.
 *
 * <p>Thread-safe. A password never appears in a message, an exception or {@code toString}; each
 * call costs the configured number of iterations, so callers should bound how often a client may
 * try (the login rate limits do).
 */
public final class PasswordHasher {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** A stored hash is data from the database; bounds on it stop a corrupted row from costing minutes. */
    private static final int MAX_STORED_ITERATIONS = 10_000_000;
    private static final int MAX_STORED_LENGTH = 512;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private final int iterations;
    private final byte[] decoySalt;

    private PasswordHasher(int iterations) {
        this.iterations = iterations;
        this.decoySalt = randomSalt();
    }

    /**
     * A hasher using {@code PASSWORD_HASH_ITERATIONS}.
     *
     * @throws IllegalArgumentException when the iteration count is not positive
     */
    public static PasswordHasher from(PasswordConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.hashIterations() < 1) {
            throw new IllegalArgumentException("'PASSWORD_HASH_ITERATIONS' must be positive but was " + config.hashIterations());
        }
        return new PasswordHasher(config.hashIterations());
    }

    /** A new hash of {@code password} under a fresh random salt: hashing one password twice gives two texts. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = randomSalt();
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        return SCHEME + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code storedHash} was made from, the hashes compared in
     * constant time. Never throws for any stored hash: a null, malformed or foreign one is a
     * mismatch, reached after the same work as a real check, so the answer's timing does not tell
     * a broken row from a wrong password.
     */
    public PasswordCheck verify(String password, String storedHash) {
        Objects.requireNonNull(password, "password");
        Optional<StoredHash> stored = StoredHash.parse(storedHash);
        if (stored.isEmpty()) {
            verifyNothing(password);
            return PasswordCheck.MISMATCH;
        }
        StoredHash known = stored.get();
        byte[] candidate = derive(password, known.salt(), known.iterations(), known.hash().length);
        if (!MessageDigest.isEqual(candidate, known.hash())) {
            return PasswordCheck.MISMATCH;
        }
        return new PasswordCheck(true, known.iterations() < iterations);
    }

    /**
     * Does the work of {@link #verify} against a hash made now, and forgets the result: a login for
     * an unknown user calls this, so that it takes as long as one for a known user with a wrong
     * password and the response time does not reveal which accounts exist.
     */
    public void verifyNothing(String password) {
        Objects.requireNonNull(password, "password");
        derive(password, decoySalt, iterations, HASH_BYTES);
    }

    /** The scheme and iteration count. */
    @Override
    public String toString() {
        return "PasswordHasher[" + SCHEME + ", iterations=" + iterations + "]";
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        char[] characters = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(characters, salt, iterations, bytes * 8);
        try {
            // A SecretKeyFactory is not thread-safe, so each call takes its own.
            return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform since 8 provides " + KDF, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(characters, '\0');
        }
    }

    /** A stored hash taken apart; only ever built from text that passed every check. */
    private record StoredHash(int iterations, byte[] salt, byte[] hash) {

        static Optional<StoredHash> parse(String text) {
            if (text == null || text.length() > MAX_STORED_LENGTH) {
                return Optional.empty();
            }
            String[] parts = text.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(SCHEME) || !parts[1].matches("[1-9][0-9]{0,7}")) {
                return Optional.empty();
            }
            int iterations = Integer.parseInt(parts[1]);
            try {
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                boolean plausible = iterations <= MAX_STORED_ITERATIONS
                        && salt.length >= 8 && salt.length <= 64 && hash.length >= 16 && hash.length <= 64;
                return plausible ? Optional.of(new StoredHash(iterations, salt, hash)) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }
}
