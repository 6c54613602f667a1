package io.erpcore.security;

import io.erpcore.config.PasswordConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must be, after NIST SP 800-63B: long enough ({@code PASSWORD_MIN_LENGTH}
 * characters, counted as Unicode code points so an emoji is one), at most {@value #MAX_LENGTH}, not
 * one of the 10,000 most common passwords (ignoring case), and not containing the part of the
 * user's e-mail address before the {@code @}. No composition rules (a digit, a symbol): they make
 * passwords harder to remember, not to guess.
 *
 * <p>Thread-safe. Messages never quote the password nor the e-mail address, so they may be shown
 * to the user and logged.
 */
public final class PasswordPolicy {

    /** The most code points a password may have. */
    public static final int MAX_LENGTH = 128;

    /** A local part shorter than this is not looked for inside the password: {@code jo} would refuse too much. */
    private static final int SHORTEST_LOCAL_PART_CHECKED = 3;

    private final int minLength;

    private PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /**
     * The policy of {@code PASSWORD_MIN_LENGTH}.
     *
     * @throws IllegalArgumentException when the minimum is not between 1 and {@value #MAX_LENGTH}
     */
    public static PasswordPolicy from(PasswordConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.minLength() < 1 || config.minLength() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "'PASSWORD_MIN_LENGTH' must be between 1 and " + MAX_LENGTH + " but was " + config.minLength());
        }
        return new PasswordPolicy(config.minLength());
    }

    /**
     * Every rule {@code password} breaks, as messages for its owner; empty when it is acceptable.
     *
     * @param password the proposed password
     * @param email the account's e-mail address, or null when there is none yet
     */
    public List<String> violations(String password, String email) {
        Objects.requireNonNull(password, "password");
        List<String> violations = new ArrayList<>(2);
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            violations.add("must be at least " + minLength + " characters long");
        }
        if (length > MAX_LENGTH) {
            violations.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (CommonPasswords.contains(password)) {
            violations.add("is one of the most commonly used passwords; choose one that is harder to guess");
        }
        if (containsLocalPart(password, email)) {
            violations.add("must not contain the part of the e-mail address before the @");
        }
        return List.copyOf(violations);
    }

    /** The minimum length, in code points. */
    public int minLength() {
        return minLength;
    }

    private static boolean containsLocalPart(String password, String email) {
        if (email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        String localPart = (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
        return localPart.codePointCount(0, localPart.length()) >= SHORTEST_LOCAL_PART_CHECKED
                && password.toLowerCase(Locale.ROOT).contains(localPart);
    }

    /** The limits; nothing else to show. */
    @Override
    public String toString() {
        return "PasswordPolicy[minLength=" + minLength + ", maxLength=" + MAX_LENGTH + "]";
    }
}
