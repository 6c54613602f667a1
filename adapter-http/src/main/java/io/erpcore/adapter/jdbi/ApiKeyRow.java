package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code api_keys} without the key's hash: what lists and answers show. The prefix is
 * the public part of a key that finds its row; {@link ApiKeyCredential} adds the hash.
 *
 * @param scopes the permissions the key grants ({@code users:read}, ...)
 */
public record ApiKeyRow(TenantId tenantId, UUID id, UUID createdBy, String name, String prefix, List<String> scopes,
        Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    /** Copies {@code scopes}; refuses missing fields. */
    public ApiKeyRow {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Whether the key may authenticate at {@code now}: not revoked and not expired. */
    public boolean isUsableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }
}
