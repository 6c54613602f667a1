package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * API keys: {@code erp1_<tenant>_<prefix>_<secret>}, where {@code erp1} is the format's version,
 * {@code <tenant>} the tenant's 16 bytes in base64url (22 characters), {@code <prefix>} ten random
 * characters {@code [a-z0-9]} that name the key in listings, and {@code <secret>} 32 random bytes
 * in base64url (43 characters); 82 characters in all. The tenant is readable so the server enters
 * the tenant's row-level-security scope before it looks the key up; the prefix finds the row; the
 * stored SHA-256 of the whole key decides. A plain hash is enough here, unlike for passwords: the
 * secret part has 256 random bits, so there is nothing to guess from a leaked hash.
 *
 * <p>Thread-safe; randomness comes from {@link java.security.SecureRandom}.
 */
public final class ApiKeys {

    private static final String VERSION = "erp1_";
    private static final int PREFIX_CHARS = 10;
    private static final int PREFIX_AT = VERSION.length() + OpaqueText.TENANT_CHARS + 1;
    private static final int SECRET_AT = PREFIX_AT + PREFIX_CHARS + 1;
    private static final int LENGTH = SECRET_AT + OpaqueText.SECRET_CHARS;

    private ApiKeys() {
    }

    /** A new key for {@code tenant}, with its prefix and the hash to store. */
    public static NewApiKey generate(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        String prefix = OpaqueText.randomLowerAlphanumeric(PREFIX_CHARS);
        String key = VERSION + OpaqueText.tenant(tenant) + "_" + prefix + "_" + OpaqueText.randomSecret();
        return new NewApiKey(key, prefix, hash(key));
    }

    /**
     * The tenant and prefix written in {@code key}; empty for anything that is not exactly this
     * format (null, another version, a wrong length, bad base64url, a bad prefix). The length is
     * checked first, so a huge input costs nothing.
     */
    public static Optional<ApiKeyParts> parse(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(VERSION)
                || key.charAt(PREFIX_AT - 1) != '_' || key.charAt(SECRET_AT - 1) != '_') {
            return Optional.empty();
        }
        String prefix = key.substring(PREFIX_AT, PREFIX_AT + PREFIX_CHARS);
        if (!prefix.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
                || !OpaqueText.isSecretAt(key, SECRET_AT)) {
            return Optional.empty();
        }
        return OpaqueText.tenantAt(key, VERSION.length()).map(tenant -> new ApiKeyParts(tenant, prefix));
    }

    /** The lower-hex SHA-256 of the whole key, as stored; 64 characters. */
    public static String hash(String key) {
        return OpaqueText.sha256Hex(Objects.requireNonNull(key, "key"));
    }

    /** Whether {@code key} is the key stored as {@code storedHash}, compared in constant time; false when either is null. */
    public static boolean matches(String key, String storedHash) {
        return OpaqueText.hashMatches(key, storedHash);
    }
}
