package io.erpcore.config;

/**
 * The whole validated configuration, one typed record per group; built by {@link ConfigLoader}.
 * Accessors follow the specification's {@code getSecurityConfig()} style.
 */
public record AppConfig(
        Environment environment,
        ServerConfig serverConfig,
        LoggingConfig loggingConfig,
        DatabaseConfig databaseConfig,
        JwtConfig jwtConfig,
        PasswordConfig passwordConfig,
        EncryptionConfig encryptionConfig,
        RateLimitConfig rateLimitConfig,
        CorsConfig corsConfig,
        RequestLimitConfig requestLimitConfig,
        RedisConfig redisConfig,
        SmtpConfig smtpConfig,
        WebhookConfig webhookConfig,
        MetricsConfig metricsConfig,
        OpsTokens opsTokens,
        LifecycleConfig lifecycleConfig,
        FeatureFlags featureFlags) {

    /** Tokens, passwords and encryption together, as the specification groups them. */
    public SecurityConfig securityConfig() {
        return new SecurityConfig(jwtConfig, passwordConfig, encryptionConfig);
    }
}
