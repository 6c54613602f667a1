/**
 * Security policy without a web framework or a database.
 *
 * <p>Holds what the HTTP chain decides with: the {@link io.erpcore.security.Authenticator} port and
 * what it answers ({@link io.erpcore.security.Authentication}, {@link io.erpcore.security.Principal},
 * {@link io.erpcore.security.Permission}); helmet's {@link io.erpcore.security.SecurityHeaders};
 * the {@link io.erpcore.security.CorsPolicy}; the client's address behind trusted proxies
 * ({@link io.erpcore.security.ClientAddresses}); and the rate limits: the
 * {@link io.erpcore.security.RateLimiter} port with its fixed-window
 * {@link io.erpcore.security.RateLimit}s, the named limits of {@code RATE_LIMIT_*}
 * ({@link io.erpcore.security.RateLimitPolicies}) and the progressive
 * {@link io.erpcore.security.SlowDown}; {@link io.erpcore.security.WebhookSignatures}, which
 * signs and verifies webhook bodies; and field encryption: {@link io.erpcore.security.FieldEncryption}
 * (AES-256-GCM under per-tenant keys derived by HKDF-SHA256) for values of an
 * {@link io.erpcore.security.EncryptedColumn}, failing with a
 * {@link io.erpcore.security.FieldDecryptionException}. The audit trail lives in
 * {@code io.erpcore.security.audit}.
 *
 * <p>Identity: {@link io.erpcore.security.AccessTokens} issues and verifies HS256 access tokens
 * ({@link io.erpcore.security.IssuedToken}, {@link io.erpcore.security.AccessTokenClaims}, the sealed
 * {@link io.erpcore.security.TokenVerification}); {@link io.erpcore.security.PasswordHasher} hashes
 * passwords with PBKDF2-HMAC-SHA256 ({@link io.erpcore.security.PasswordCheck}) and
 * {@link io.erpcore.security.PasswordPolicy} judges new ones; {@link io.erpcore.security.Role} maps
 * the roles table to permissions and {@link io.erpcore.security.Grants} keeps anyone from handing
 * out more than they hold; {@link io.erpcore.security.RefreshTokens} and
 * {@link io.erpcore.security.ApiKeys} make opaque credentials that carry their tenant and are stored
 * only as SHA-256 ({@link io.erpcore.security.OpaqueCredential}, {@link io.erpcore.security.NewApiKey},
 * {@link io.erpcore.security.ApiKeyParts}).
 */
package io.erpcore.security;
