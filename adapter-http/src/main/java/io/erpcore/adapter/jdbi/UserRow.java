package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code users}: a user of one tenant. The phone number is plaintext, decrypted by the
 * repository from the table's ciphertext; the password is only its hash. {@link #toString()}
 * leaves out both.
 *
 * @param status {@value #ACTIVE} or {@value #DISABLED}
 */
public record UserRow(TenantId tenantId, UUID id, String email, String displayName, Optional<String> phone,
        String passwordHash, List<String> roles, String status, Instant createdAt, Instant updatedAt) {

    /** The status of a user who may sign in. */
    public static final String ACTIVE = "active";
    /** The status of a user who may not sign in. */
    public static final String DISABLED = "disabled";

    /** Copies {@code roles}; refuses missing fields. */
    public UserRow {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phone, "phone");
        roles = List.copyOf(roles);
    }

    /** Whether the user may sign in. */
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** Every field but the password hash, and the phone only as present or not. */
    @Override
    public String toString() {
        return "UserRow[tenantId=" + tenantId + ", id=" + id + ", email=" + email + ", displayName=" + displayName
                + ", phone=" + (phone.isPresent() ? "<present>" : "<absent>")
                + ", roles=" + roles + ", status=" + status + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt
                + "]";
    }
}
