package io.erpcore.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.erpcore.config.JwtConfig;
import io.erpcore.config.JwtKey;
import io.erpcore.security.TokenVerification.Invalid;
import io.erpcore.security.TokenVerification.Reason;
import io.erpcore.security.TokenVerification.Valid;
import io.erpcore.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues and verifies access tokens: HS256 JWTs with the claims of DESIGN section 4 ({@code sub},
 * {@code tid}, {@code roles}, {@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}) and
 * the header {@code alg: HS256}, {@code typ: JWT}, {@code kid}.
 *
 * <p>Rotation: tokens are signed with {@code JWT_SECRET} under {@code JWT_SECRET_ID}; a token
 * verifies with the secret its {@code kid} names, the current one or one of
 * {@code JWT_PREVIOUS_SECRETS}, so tokens issued before a rotation keep working until they expire.
 * A missing or unknown {@code kid} is refused: no secret is ever tried on a guess.
 *
 * <p>Order of checks, cheapest and most telling first: the length (at most {@value #MAX_TOKEN_LENGTH}
 * characters), the structure, the algorithm (exactly {@code HS256}; {@code none}, HS512 and RS256
 * are refused before the signature is looked at, so no key is ever used with an algorithm an
 * attacker chose), {@code typ}, {@code kid}, then the signature, then the claims. Times are read
 * from the given clock with {@code JWT_CLOCK_SKEW} of leeway either way.
 *
 * <p>Immutable and thread-safe. Secrets and tokens never appear in {@code toString}, a result or
 * an exception.
 */
public final class AccessTokens {

    /** Longer input is refused before it is decoded; a real token is about 400 characters. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final String ALGORITHM = "HS256";
    private static final String TYPE = "JWT";
    private static final String TENANT_CLAIM = "tid";
    private static final String ROLES_CLAIM = "roles";
    private static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String signingKeyId;
    private final Algorithm signingAlgorithm;
    private final Map<String, JWTVerifier> verifiersByKeyId;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Duration clockSkew;
    private final Clock clock;

    private AccessTokens(JwtConfig config, Map<String, JWTVerifier> verifiersByKeyId, Algorithm signingAlgorithm, Clock clock) {
        this.signingKeyId = config.secretId();
        this.signingAlgorithm = signingAlgorithm;
        this.verifiersByKeyId = Map.copyOf(verifiersByKeyId);
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.ttl = config.accessTokenTtl();
        this.clock = clock;
        this.clockSkew = config.clockSkew();
    }

    /**
     * How far past {@code exp} (and before {@code nbf}) a token is still accepted: {@code JWT_CLOCK_SKEW}.
     * A caller that remembers verified tokens checks expiry with it.
     */
    public Duration clockSkew() {
        return clockSkew;
    }

    /**
     * Tokens signed with {@code JWT_SECRET} as {@code JWT_SECRET_ID}, verified with it and
     * {@code JWT_PREVIOUS_SECRETS}, living {@code JWT_EXPIRES_IN}, for {@code JWT_ISSUER} and
     * {@code JWT_AUDIENCE}, with {@code JWT_CLOCK_SKEW} of leeway, on {@code clock}.
     *
     * @throws IllegalArgumentException for an empty secret, a key id used twice, a blank issuer or
     *     audience, a lifetime that is not positive, or a clock skew outside 0..60 s; the message
     *     names the variable and never a secret
     */
    public static AccessTokens from(JwtConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        requireText(config.issuer(), "JWT_ISSUER");
        requireText(config.audience(), "JWT_AUDIENCE");
        Duration ttl = Objects.requireNonNull(config.accessTokenTtl(), "accessTokenTtl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'JWT_EXPIRES_IN' must be positive but was " + ttl);
        }
        Duration skew = Objects.requireNonNull(config.clockSkew(), "clockSkew");
        if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("'JWT_CLOCK_SKEW' must be between 0 and 60 seconds but was " + skew);
        }
        Map<String, JWTVerifier> verifiers = new HashMap<>();
        Algorithm signing = hmac(config.signingKey(), "JWT_SECRET");
        verifiers.put(config.secretId(), verifier(signing, config, clock));
        for (JwtKey previous : config.previousSecrets()) {
            if (verifiers.put(previous.id(), verifier(hmac(previous, "JWT_PREVIOUS_SECRETS"), config, clock)) != null) {
                throw new IllegalArgumentException("'JWT_PREVIOUS_SECRETS' must use key ids that differ from each other and from"
                        + " JWT_SECRET_ID, but '" + previous.id() + "' is used twice");
            }
        }
        return new AccessTokens(config, verifiers, signing, clock);
    }

    /**
     * A token for {@code userId} in {@code tenant} holding {@code roles}, issued now (whole seconds)
     * and expiring {@code JWT_EXPIRES_IN} later, with a random {@code jti}.
     */
    public IssuedToken issue(UUID userId, TenantId tenant, List<String> roles) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tenant, "tenant");
        String[] roleIds = List.copyOf(roles).toArray(String[]::new); // List.copyOf refuses null ids
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS); // NumericDate is whole seconds
        Instant expiresAt = issuedAt.plus(ttl);
        String jti = UUID.randomUUID().toString();
        String token = JWT.create()
                .withHeader(Map.of("typ", TYPE))
                .withKeyId(signingKeyId)
                .withSubject(userId.toString())
                .withClaim(TENANT_CLAIM, tenant.toString())
                .withArrayClaim(ROLES_CLAIM, roleIds)
                .withIssuer(issuer)
                .withAudience(audience)
                .withIssuedAt(issuedAt)
                .withExpiresAt(expiresAt)
                .withJWTId(jti)
                .sign(signingAlgorithm);
        return new IssuedToken(token, jti, issuedAt, expiresAt);
    }

    /**
     * Whether {@code token} (the text after {@code Bearer }) is an access token this service issued
     * and that is valid now, and if so what it says. Never throws, for any input, null included:
     * every defect is an {@link Invalid} with its reason.
     */
    public TokenVerification verify(String token) {
        try {
            return check(token);
        } catch (RuntimeException unexpected) {
            // The parser's contract is to throw JWTDecodeException, but this method promises never
            // to throw for hostile input, whatever a library version does with it.
            return new Invalid(Reason.MALFORMED);
        }
    }

    private TokenVerification check(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return new Invalid(Reason.MALFORMED);
        }
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token);
        } catch (JWTDecodeException notAJwt) {
            return new Invalid(Reason.MALFORMED);
        }
        Optional<Reason> headerDefect = headerDefect(decoded);
        if (headerDefect.isPresent()) {
            return new Invalid(headerDefect.get());
        }
        String keyId = decoded.getKeyId();
        JWTVerifier verifier = keyId == null ? null : verifiersByKeyId.get(keyId); // Map.copyOf refuses get(null)
        if (verifier == null) {
            return new Invalid(Reason.UNKNOWN_KEY);
        }
        try {
            verifier.verify(decoded);
        } catch (JWTVerificationException refused) {
            return new Invalid(JwtRefusals.reasonFor(refused));
        }
        return claims(decoded);
    }

    private static Optional<Reason> headerDefect(DecodedJWT decoded) {
        if (!ALGORITHM.equals(decoded.getAlgorithm())) {
            return Optional.of(Reason.UNSUPPORTED_ALGORITHM);
        }
        Claim type = decoded.getHeaderClaim("typ");
        if (!type.isMissing() && !TYPE.equals(type.asString())) {
            return Optional.of(Reason.WRONG_TYPE);
        }
        // RFC 7515: a recipient must refuse critical extensions it does not understand; we understand none.
        if (!decoded.getHeaderClaim("crit").isMissing()) {
            return Optional.of(Reason.MALFORMED);
        }
        return Optional.empty();
    }

    private static TokenVerification claims(DecodedJWT decoded) {
        Claim tenant = decoded.getClaim(TENANT_CLAIM);
        Claim roles = decoded.getClaim(ROLES_CLAIM);
        if (decoded.getSubject() == null || tenant.isMissing() || decoded.getId() == null || roles.isMissing()) {
            return new Invalid(Reason.MISSING_CLAIM);
        }
        Optional<UUID> userId = uuid(decoded.getSubject());
        Optional<UUID> tenantId = uuid(tenant.asString());
        List<Object> roleIds = roles.asList(Object.class);
        if (userId.isEmpty() || tenantId.isEmpty() || uuid(decoded.getId()).isEmpty()
                || roleIds == null || !roleIds.stream().allMatch(String.class::isInstance)) {
            return new Invalid(Reason.MALFORMED);
        }
        return new Valid(new AccessTokenClaims(userId.get(), TenantId.of(tenantId.get()),
                roleIds.stream().map(String.class::cast).toList(), decoded.getId(),
                decoded.getIssuedAtAsInstant(), decoded.getExpiresAtAsInstant(), decoded.getKeyId()));
    }

    /** The UUID in canonical 8-4-4-4-12 form; {@link UUID#fromString} alone would take {@code 1-1-1-1-1}. */
    private static Optional<UUID> uuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    private static JWTVerifier verifier(Algorithm algorithm, JwtConfig config, Clock clock) {
        // build(Clock) is on BaseVerification, the only Verification java-jwt 4 hands out.
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(config.issuer())
                .withAudience(config.audience())
                .withClaimPresence("exp")
                .withClaimPresence("iat")
                .acceptLeeway(config.clockSkew().toSeconds());
        return verification.build(clock);
    }

    private static Algorithm hmac(JwtKey key, String variable) {
        Objects.requireNonNull(key.secret(), variable);
        byte[] secret = key.secret().bytes();
        if (secret.length == 0) {
            throw new IllegalArgumentException("'" + variable + "' must not be empty (key id '" + key.id() + "')");
        }
        return Algorithm.HMAC256(secret);
    }

    private static void requireText(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + variable + "' must not be blank");
        }
    }

    /** The signing key id, the known key ids, issuer, audience and lifetime; never a secret. */
    @Override
    public String toString() {
        return "AccessTokens[kid=" + signingKeyId + ", keys=" + verifiersByKeyId.keySet() + ", issuer=" + issuer
                + ", audience=" + audience + ", ttl=" + ttl + "]";
    }
}
