package io.erpcore.security;

/**
 * What {@link PasswordHasher#verify} found.
 *
 * @param matches whether the password is the one the stored hash was made from
 * @param needsRehash whether the caller should store a fresh {@link PasswordHasher#hash} of the
 *     password now, while it has it: true only for a match whose stored hash used fewer iterations
 *     than are configured
 */
public record PasswordCheck(boolean matches, boolean needsRehash) {

    /** The answer for a wrong password or an unreadable stored hash. */
    static final PasswordCheck MISMATCH = new PasswordCheck(false, false);
}
