package io.erpcore.adapter.jdbi;

import io.erpcore.security.IssuedToken;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sign-in or a refresh hands out: an access token and the refresh token that replaces it
 * when it expires. {@link #toString()} shows neither.
 *
 * @param userId the user the tokens were issued to
 */
public record SessionTokens(UUID userId, IssuedToken access, String refreshToken) {

    /** Refuses missing parts. */
    public SessionTokens {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "SessionTokens[userId=" + userId + ", expiresAt=" + access.expiresAt() + "]";
    }
}
