package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Refresh tokens: opaque, random, and stored only as a hash. The text is
 * {@code rt1_<tenant>_<secret>}: {@code rt1} the format's version, {@code <tenant>} the tenant's
 * 16 bytes in base64url (22 characters) and {@code <secret>} 32 random bytes in base64url
 * (43 characters), 70 characters in all. The tenant is written in the clear so the server can
 * enter that tenant's row-level-security scope before it looks the token's hash up; it is no
 * secret, and it lets no one forge a token. Base64url uses {@code _} itself, so the parts are found
 * by position, never by splitting.
 *
 * <p>Thread-safe; randomness comes from {@link java.security.SecureRandom}.
 */
public final class RefreshTokens {

    private static final String PREFIX = "rt1_";
    private static final int LENGTH = PREFIX.length() + OpaqueText.TENANT_CHARS + 1 + OpaqueText.SECRET_CHARS;

    private RefreshTokens() {
    }

    /** A new refresh token for {@code tenant}, with the hash to store. */
    public static OpaqueCredential generate(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        String token = PREFIX + OpaqueText.tenant(tenant) + "_" + OpaqueText.randomSecret();
        return new OpaqueCredential(token, hash(token));
    }

    /**
     * The tenant written in {@code token}; empty for anything that is not exactly this format
     * (null, another version, a wrong length, bad base64url). The length is checked first, so a
     * huge input costs nothing. A present tenant says nothing about whether the token is genuine:
     * only finding its hash in the store does.
     */
    public static Optional<TenantId> tenantOf(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int secretAt = PREFIX.length() + OpaqueText.TENANT_CHARS + 1;
        if (token.charAt(secretAt - 1) != '_' || !OpaqueText.isSecretAt(token, secretAt)) {
            return Optional.empty();
        }
        return OpaqueText.tenantAt(token, PREFIX.length());
    }

    /** The lower-hex SHA-256 of the whole token, as stored; 64 characters. */
    public static String hash(String token) {
        return OpaqueText.sha256Hex(Objects.requireNonNull(token, "token"));
    }
}
