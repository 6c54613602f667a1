package io.erpcore.security;

import io.erpcore.config.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token as {@link AccessTokens#issue} made it.
 *
 * @param token the signed JWT, for the client's {@code Authorization: Bearer} header; never in {@code toString}
 * @param jti the token's id ({@code jti} claim)
 * @param issuedAt the {@code iat} claim, whole seconds
 * @param expiresAt the {@code exp} claim, whole seconds
 */
public record IssuedToken(String token, String jti, Instant issuedAt, Instant expiresAt) {

    /** Refuses missing parts and an expiry that is not after the issue. */
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued, but expiresAt " + expiresAt
                    + " is not after issuedAt " + issuedAt);
        }
    }

    /** How long the token lives: the login response's {@code expiresIn}, in seconds. */
    public Duration expiresIn() {
        return Duration.between(issuedAt, expiresAt);
    }

    /** The id and times; the token masked. */
    @Override
    public String toString() {
        return "IssuedToken[token=" + Secret.MASK + ", jti=" + jti + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
