package io.erpcore.adapter.jdbi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user to create: active from the start. The caller hashes the password; the phone number is
 * plaintext here and encrypted by the repository on its way into the table. {@link #toString()}
 * shows neither the hash nor the phone number.
 */
public record NewUser(String email, String displayName, String passwordHash, List<String> roles,
        Optional<String> phone) {

    /**
     * Checks the rules the table enforces, so a breach is an {@link IllegalArgumentException}
     * naming the field rather than a constraint violation.
     */
    public NewUser {
        UserFields.requireEmail(email);
        UserFields.requireDisplayName(displayName);
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("'passwordHash' must not be blank");
        }
        roles = List.copyOf(roles);
        Objects.requireNonNull(phone, "phone");
    }

    /** A user without a phone number. */
    public static NewUser of(String email, String displayName, String passwordHash, List<String> roles) {
        return new NewUser(email, displayName, passwordHash, roles, Optional.empty());
    }

    /** {@code email}, {@code displayName} and {@code roles}; the hash and the phone stay out. */
    @Override
    public String toString() {
        return "NewUser[email=" + email + ", displayName=" + displayName + ", roles=" + roles
                + ", phone=" + (phone.isPresent() ? "<present>" : "<absent>") + "]";
    }
}
