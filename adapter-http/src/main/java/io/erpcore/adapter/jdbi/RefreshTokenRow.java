package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code refresh_tokens}, without the token's hash (the caller found the row by it). A
 * token is spent once rotated; presenting it again is reuse, and revokes its family.
 */
public record RefreshTokenRow(TenantId tenantId, UUID id, UUID userId, UUID familyId, Instant expiresAt,
        Instant createdAt, Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {

    /** Refuses missing fields. */
    public RefreshTokenRow {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Whether the token was already exchanged for a new one. */
    public boolean isRotated() {
        return rotatedAt.isPresent();
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /** Whether the token is past its expiry at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
