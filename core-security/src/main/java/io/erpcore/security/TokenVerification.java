package io.erpcore.security;

import java.util.Objects;

/** What {@link AccessTokens#verify} made of a bearer token. */
public sealed interface TokenVerification permits TokenVerification.Valid, TokenVerification.Invalid {

    /**
     * Why a token was refused. The HTTP layer answers every reason with the same 401; the reason is
     * for the log and the metrics, and its {@link #detail()} never repeats the token.
     */
    enum Reason {
        /** Not a JWT (null, empty, too long, not three base64url parts of JSON), a {@code crit} header, or a claim of the wrong shape: {@code sub}, {@code tid} or {@code jti} not a UUID, {@code roles} not an array of strings. */
        MALFORMED("the token is not a well-formed access token"),
        /** The header names an algorithm other than HS256 ({@code none} and RS256 included); refused before the signature is looked at. */
        UNSUPPORTED_ALGORITHM("the token's algorithm is not HS256"),
        /** The header's {@code kid} is missing or names no current or previous key. */
        UNKNOWN_KEY("the token's key id is missing or unknown"),
        /** The signature is not the HS256 of header and payload under the key the {@code kid} names. */
        BAD_SIGNATURE("the token's signature does not verify"),
        /** {@code exp} lies further in the past than the clock skew allows. */
        EXPIRED("the token has expired"),
        /** {@code nbf} or {@code iat} lies further in the future than the clock skew allows. */
        NOT_YET_VALID("the token is not valid yet"),
        /** A required claim is absent: {@code exp}, {@code iat}, {@code sub}, {@code tid}, {@code jti} or {@code roles}. */
        MISSING_CLAIM("the token lacks a required claim"),
        /** {@code iss} is not {@code JWT_ISSUER}. */
        WRONG_ISSUER("the token was issued by someone else"),
        /** {@code aud} does not name {@code JWT_AUDIENCE}. */
        WRONG_AUDIENCE("the token is meant for another audience"),
        /** The header's {@code typ} is present and not {@code JWT}. */
        WRONG_TYPE("the token's type is not JWT");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }

        /** Which check failed, in words safe to log. */
        public String detail() {
            return detail;
        }
    }

    /** The token is genuine, current and meant for us; it says {@code claims}. */
    record Valid(AccessTokenClaims claims) implements TokenVerification {

        /** Refuses missing claims. */
        public Valid {
            Objects.requireNonNull(claims, "claims");
        }
    }

    /** The token must not be trusted, for {@code reason}. */
    record Invalid(Reason reason) implements TokenVerification {

        /** Refuses a missing reason. */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Whether the token may be trusted. */
    default boolean valid() {
        return this instanceof Valid;
    }
}
