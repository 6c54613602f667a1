package io.erpcore.security;

import io.erpcore.config.RateLimitConfig;
import io.erpcore.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The named limits of the HTTP chain, built from {@code RATE_LIMIT_*}, and the keys their buckets
 * are counted under. Client keys are what the HTTP layer derives from the client's address (an
 * IPv4 address, or an IPv6 client's /64).
 *
 * @param general every API request per client ({@code RATE_LIMIT_MAX})
 * @param tenant requests per client and tenant ({@code TENANT_RATE_LIMIT_MAX}) for a tenant without a limit of its own
 * @param failedLoginsPerAccount failed logins per client and account ({@code AUTH_RATE_LIMIT_MAX})
 * @param failedLoginsPerIp failed logins per client across accounts ({@code AUTH_IP_RATE_LIMIT_MAX})
 */
public record RateLimitPolicies(RateLimit general, RateLimit tenant, RateLimit failedLoginsPerAccount,
        RateLimit failedLoginsPerIp) {

    public static final String GENERAL = "general";
    public static final String TENANT = "tenant";
    public static final String LOGIN_ACCOUNT = "login-account";
    public static final String LOGIN_IP = "login-ip";

    /** Refuses a missing limit. */
    public RateLimitPolicies {
        Objects.requireNonNull(general, "general");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(failedLoginsPerAccount, "failedLoginsPerAccount");
        Objects.requireNonNull(failedLoginsPerIp, "failedLoginsPerIp");
    }

    /** The four limits of {@code config}, all over {@code RATE_LIMIT_WINDOW_MS}. */
    public static RateLimitPolicies from(RateLimitConfig config) {
        return new RateLimitPolicies(
                RateLimit.of(GENERAL, config.maxPerIp(), config.window()),
                RateLimit.of(TENANT, config.maxPerTenant(), config.window()),
                RateLimit.of(LOGIN_ACCOUNT, config.failedLoginsPerAccount(), config.window()),
                RateLimit.of(LOGIN_IP, config.failedLoginsPerIp(), config.window()));
    }

    /** The tenant limit for a tenant whose own {@code rateLimitMax} is {@code tenantMax}: it wins when present. */
    public RateLimit tenant(Optional<Integer> tenantMax) {
        return tenantMax.map(max -> RateLimit.of(TENANT, max, tenant.window())).orElse(tenant);
    }

    /** The key of {@code clientKey}'s requests to {@code tenant}. */
    public static String tenantKey(String clientKey, TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        // The tenant id goes last and holds no '|', so two different pairs never give one key.
        return requireClientKey(clientKey) + "|" + tenant;
    }

    /**
     * The key of {@code clientKey}'s failed logins to the account {@code email}, compared without
     * case. The address is hashed (SHA-256), so neither a shared store nor a dump of it holds
     * e-mail addresses, and a long address cannot make a long key.
     */
    public static String accountKey(String clientKey, String email) {
        Objects.requireNonNull(email, "email");
        String account = email.strip().toLowerCase(Locale.ROOT);
        return requireClientKey(clientKey) + "|" + HexFormat.of().formatHex(sha256(account), 0, 16);
    }

    private static String requireClientKey(String clientKey) {
        Objects.requireNonNull(clientKey, "clientKey");
        if (clientKey.isBlank()) {
            throw new IllegalArgumentException("'clientKey' must not be blank");
        }
        return clientKey;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
