package io.erpcore.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A configuration value that must never be shown: {@code toString}, logs, error messages and
 * {@code --help} see {@value #MASK}. Code that needs the value asks for it by name, with
 * {@link #reveal()}, so every use is easy to find.
 */
public final class Secret {

    /** What every rendering of a secret shows instead of its value. */
    public static final String MASK = "******";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; the value itself is never rendered again. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** A fresh random secret: {@code bytes} random bytes, base64-encoded. */
    public static Secret generate(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return new Secret(Base64.getEncoder().encodeToString(random));
    }

    /** The secret value itself: call it only where the value is used, never to display it. */
    public String reveal() {
        return value;
    }

    /** The value's UTF-8 bytes, for keys and signatures. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so equality checks do not leak how much of a guess was right. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        // A constant: a hash derived from the value would leak a little of it into hash-based logs.
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
