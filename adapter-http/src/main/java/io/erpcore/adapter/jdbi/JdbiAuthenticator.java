package io.erpcore.adapter.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.erpcore.security.AccessTokenClaims;
import io.erpcore.security.AccessTokens;
import io.erpcore.security.ApiKeyParts;
import io.erpcore.security.ApiKeys;
import io.erpcore.security.Authentication;
import io.erpcore.security.Authenticator;
import io.erpcore.security.Permission;
import io.erpcore.security.Principal;
import io.erpcore.security.Role;
import io.erpcore.security.TokenVerification;
import io.erpcore.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link Authenticator} of the standalone API: {@code Authorization: Bearer <access token>} or
 * {@code Authorization: ApiKey <key>}.
 *
 * <p>A token is verified (signature, algorithm, expiry, issuer, audience) before anything else, so
 * a malformed, forged or expired one never reaches the database. For a valid one the user's status
 * and roles come from a cache of at most {@link #STATUS_TTL}, so disabling a user or changing their
 * roles takes effect within that time; permissions are the user's current roles', not the token's
 * claim. An API key names its tenant and prefix; the key row is read (cached as long), its hash
 * compared in constant time, and it acts with its scopes, cut down to what its creator holds now.
 * {@code last_used_at} is written at most once a minute per key.
 *
 * <p>A client sends the same access token with every request until it expires, so a token that
 * verified is remembered (by its text, tokens up to {@value #MAX_REMEMBERED_TOKEN} characters, for
 * at most {@link #REMEMBER_TOKENS}) and not verified again; its expiry is still checked on every
 * request. Verification depends on nothing else that can change while the process runs: the keys
 * are fixed at start-up, and disabling a user goes through the status cache. Thread-safe.
 */
public final class JdbiAuthenticator implements Authenticator {

    /** How long a user's status and roles, or an API key's row, are reused before being read again. */
    public static final Duration STATUS_TTL = Duration.ofSeconds(5);

    /** How long a verified token is remembered, at most. */
    public static final Duration REMEMBER_TOKENS = Duration.ofMinutes(1);
    static final int MAX_REMEMBERED_TOKEN = 2048;

    private static final Duration LAST_USED_EVERY = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 100_000;
    private static final String BEARER = "Bearer ";
    private static final String API_KEY = "ApiKey ";

    private final AccessTokens tokens;
    private final JdbiUserRepository users;
    private final JdbiApiKeyRepository keys;
    private final Clock clock;
    // The principal of each active user, built once per STATUS_TTL; empty for a disabled or deleted one.
    private final SharedLoadCache<UserKey, Optional<Principal>> principals;
    private final SharedLoadCache<KeyName, Optional<ApiKeyCredential>> apiKeys;
    private final Cache<UUID, Boolean> recentlyUsed;
    private final Cache<String, AccessTokenClaims> verified;

    private JdbiAuthenticator(AccessTokens tokens, JdbiUserRepository users, JdbiApiKeyRepository keys, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.keys = keys;
        this.clock = clock;
        // Loaded once for all concurrent requests, so a database outage costs each of them one wait at most.
        this.principals = SharedLoadCache.expiringAfterWrite(STATUS_TTL, MAX_CACHED);
        this.apiKeys = SharedLoadCache.expiringAfterWrite(STATUS_TTL, MAX_CACHED);
        this.recentlyUsed = cache(LAST_USED_EVERY);
        this.verified = cache(REMEMBER_TOKENS);
    }

    /** An authenticator verifying tokens with {@code tokens} and reading users and keys through the repositories. */
    public static JdbiAuthenticator create(AccessTokens tokens, JdbiUserRepository users, JdbiApiKeyRepository keys,
            Clock clock) {
        return new JdbiAuthenticator(Objects.requireNonNull(tokens, "tokens"), Objects.requireNonNull(users, "users"),
                Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Authentication authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Authentication.anonymous();
        }
        if (startsWithIgnoringCase(authorization, BEARER)) {
            return bearer(authorization.substring(BEARER.length()).strip());
        }
        if (startsWithIgnoringCase(authorization, API_KEY)) {
            return apiKey(authorization.substring(API_KEY.length()).strip());
        }
        return new Authentication.Refused("INVALID_CREDENTIALS_SCHEME",
                "the Authorization header must be 'Bearer <access token>' or 'ApiKey <key>'");
    }

    /** Forgets what is cached of user {@code id}, after a change made in this process. */
    public void forgetUser(TenantId tenant, UUID id) {
        principals.invalidate(new UserKey(tenant, id));
    }

    private Authentication bearer(String token) {
        AccessTokenClaims claims = verified.getIfPresent(token);
        if (claims != null && !clock.instant().isBefore(claims.expiresAt().plus(tokens.clockSkew()))) {
            verified.invalidate(token);
            claims = null;
        }
        if (claims == null) {
            TokenVerification verification = tokens.verify(token);
            if (verification instanceof TokenVerification.Invalid invalid) {
                return invalid.reason() == TokenVerification.Reason.EXPIRED ? EXPIRED
                        : new Authentication.Refused("INVALID_TOKEN", "the access token is not valid: "
                                + describe(invalid.reason()));
            }
            claims = ((TokenVerification.Valid) verification).claims();
            if (token.length() <= MAX_REMEMBERED_TOKEN) {
                verified.put(token, claims);
            }
        }
        Optional<Principal> user = principal(claims.tenant(), claims.userId());
        return user.<Authentication>map(Authentication.Authenticated::new).orElse(USER_DISABLED);
    }

    private Authentication apiKey(String key) {
        Optional<ApiKeyParts> parts = ApiKeys.parse(key);
        if (parts.isEmpty()) {
            return invalidKey();
        }
        TenantId tenant = parts.get().tenant();
        Optional<ApiKeyCredential> stored = apiKeys.get(new KeyName(tenant, parts.get().prefix()),
                name -> keys.findByPrefix(name.tenant(), name.prefix()));
        if (stored.isEmpty() || !ApiKeys.matches(key, stored.get().keyHash())
                || !stored.get().key().isUsableAt(clock.instant())) {
            return invalidKey();
        }
        ApiKeyRow row = stored.get().key();
        Optional<Principal> creator = principal(tenant, row.createdBy());
        if (creator.isEmpty()) {
            return invalidKey();
        }
        touch(tenant, row.id());
        return new Authentication.Authenticated(new Principal(row.createdBy().toString(), Optional.of(tenant.toString()),
                within(row.scopes(), creator.get().permissions())));
    }

    /** The scopes the creator still holds: a demoted creator's keys shrink with them. */
    private static Set<Permission> within(Iterable<String> scopes, Set<Permission> held) {
        Set<Permission> granted = new HashSet<>();
        for (String scope : scopes) {
            Permission permission = Permission.parse(scope);
            if (held.stream().anyMatch(holding -> holding.grants(permission))) {
                granted.add(permission);
            }
        }
        return granted;
    }

    /** The principal of user {@code id} as it stands (at most {@link #STATUS_TTL} ago); empty unless active. */
    private Optional<Principal> principal(TenantId tenant, UUID id) {
        return principals.get(new UserKey(tenant, id), key -> users.findCredentialsById(key.tenant(), key.user())
                .filter(UserCredentials::isActive)
                .map(user -> new Principal(user.id().toString(), Optional.of(key.tenant().toString()),
                        Role.userPermissions(user.roles()))));
    }

    private void touch(TenantId tenant, UUID key) {
        if (recentlyUsed.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            keys.touchLastUsed(tenant, key);
        }
    }

    private static final Authentication USER_DISABLED =
            new Authentication.Refused("USER_DISABLED", "the user of this token is disabled or deleted");
    private static final Authentication EXPIRED =
            new Authentication.Refused("TOKEN_EXPIRED", "the access token has expired; refresh it");

    private static Authentication invalidKey() {
        return new Authentication.Refused("INVALID_API_KEY", "the API key is unknown, revoked or expired");
    }

    private static String describe(TokenVerification.Reason reason) {
        return switch (reason) {
            case MALFORMED -> "it is not a well-formed JWT";
            case UNSUPPORTED_ALGORITHM -> "only HS256 is accepted";
            case UNKNOWN_KEY -> "its key id (kid) is unknown";
            case BAD_SIGNATURE -> "its signature does not verify";
            case EXPIRED -> "it has expired";
            case NOT_YET_VALID -> "it is not valid yet";
            case MISSING_CLAIM -> "a required claim is missing or malformed";
            case WRONG_ISSUER -> "its issuer is not this service";
            case WRONG_AUDIENCE -> "its audience is not this API";
            case WRONG_TYPE -> "its type is not JWT";
        };
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static <K, V> Cache<K, V> cache(Duration ttl) {
        return Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(ttl).executor(Runnable::run).build();
    }

    private record UserKey(TenantId tenant, UUID user) {
    }

    private record KeyName(TenantId tenant, String prefix) {
    }
}
