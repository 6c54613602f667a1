package io.erpcore.adapter.jdbi;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What signing in and checking a request need of a user: its id, password hash, status and
 * roles, without the personal fields (no phone to decrypt). {@link #toString()} leaves out the hash.
 */
public record UserCredentials(UUID id, String passwordHash, String status, List<String> roles) {

    /** Copies {@code roles}; refuses missing fields. */
    public UserCredentials {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        roles = List.copyOf(roles);
    }

    /** Whether the user may sign in and act. */
    public boolean isActive() {
        return UserRow.ACTIVE.equals(status);
    }

    @Override
    public String toString() {
        return "UserCredentials[id=" + id + ", status=" + status + ", roles=" + roles + "]";
    }
}
