package io.erpcore.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Access and refresh tokens: the signing key, the keys retired by rotation, lifetimes and the
 * claims every token must carry.
 */
public record JwtConfig(
        @Variable("JWT_SECRET") @StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret secret,
        @Variable("JWT_SECRET_ID") @Pattern(regexp = JwtKey.ID_PATTERN, message = JwtKey.ID_RULE) String secretId,
        @Variable("JWT_PREVIOUS_SECRETS") List<@Valid JwtKey> previousSecrets,
        @Variable("JWT_EXPIRES_IN") @DurationMin(minutes = 1) @DurationMax(days = 1) Duration accessTokenTtl,
        @Variable("JWT_REFRESH_EXPIRES_IN") @DurationMin(minutes = 5) @DurationMax(days = 365) Duration refreshTokenTtl,
        @Variable("JWT_ISSUER") String issuer,
        @Variable("JWT_AUDIENCE") String audience,
        @Variable("JWT_CLOCK_SKEW") @DurationMax(seconds = 60) Duration clockSkew) {

    /** The current signing key. */
    public JwtKey signingKey() {
        return new JwtKey(secretId, secret);
    }

    @Variable(value = "JWT_REFRESH_EXPIRES_IN", reads = "JWT_EXPIRES_IN")
    @AssertTrue(message = "must be longer than JWT_EXPIRES_IN")
    public boolean isRefreshOutlivingAccess() {
        return refreshTokenTtl.compareTo(accessTokenTtl) > 0;
    }

    @Variable(value = "JWT_PREVIOUS_SECRETS", reads = "JWT_SECRET_ID")
    @AssertTrue(message = "must use key ids that differ from each other and from JWT_SECRET_ID")
    public boolean isEveryKeyIdDistinct() {
        return previousSecrets.stream().map(JwtKey::id).distinct().count() == previousSecrets.size()
                && previousSecrets.stream().noneMatch(key -> key.id().equals(secretId));
    }
}
