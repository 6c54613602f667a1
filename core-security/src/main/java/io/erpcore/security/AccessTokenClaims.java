package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a verified access token says.
 *
 * @param userId the {@code sub} claim
 * @param tenant the {@code tid} claim, authoritative for tenant resolution
 * @param roles the {@code roles} claim as written, unknown ids included ({@link Role#permissionsOf}
 *     ignores those)
 * @param jti the token's id
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param keyId the {@code kid} whose secret verified the signature
 */
public record AccessTokenClaims(
        UUID userId, TenantId tenant, List<String> roles, String jti, Instant issuedAt, Instant expiresAt, String keyId) {

    /** Refuses missing parts; copies the roles. */
    public AccessTokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tenant, "tenant");
        roles = List.copyOf(roles);
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(keyId, "keyId");
    }
}
