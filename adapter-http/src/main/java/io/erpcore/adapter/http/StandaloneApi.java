package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.AuditHeads;
import io.erpcore.adapter.jdbi.JdbiApiKeyRepository;
import io.erpcore.adapter.jdbi.JdbiAuditTrail;
import io.erpcore.adapter.jdbi.JdbiAuthenticator;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiRefreshTokenRepository;
import io.erpcore.adapter.jdbi.JdbiSessions;
import io.erpcore.adapter.jdbi.JdbiTenantDirectory;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.ratelimit.RateLimiters;
import io.erpcore.adapter.ratelimit.RedisPing;
import io.erpcore.config.AppConfig;
import io.erpcore.config.RedisFailureMode;
import io.erpcore.metrics.Metrics;
import io.erpcore.persistence.DatabaseHealth;
import io.erpcore.security.AccessTokens;
import io.erpcore.security.FieldEncryption;
import io.erpcore.security.PasswordHasher;
import io.erpcore.security.PasswordPolicy;
import io.erpcore.security.RateLimitPolicies;
import io.erpcore.security.RateLimiter;
import io.erpcore.tenancy.CachingTenantDirectory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The standalone API of ERP Core, wired: every {@code /api/v1} endpoint of DESIGN section 4 over
 * one database, on the chain of {@link JavalinApplication}. The host serves it; an end-to-end test
 * starts it the same way. {@link #builder()} leaves the application open to more routes and
 * middleware before it is built.
 *
 * <p>Health: the {@code database} check decides readiness, and so does {@code redis} (when
 * {@code REDIS_URL} is set) under {@code RATE_LIMIT_REDIS_FAILURE=closed}; the application runs
 * them on its schedule ({@link JavalinApplication#start()}).
 *
 * <p>What it owns: the rate limiter and the Redis health connection (closed with the
 * application). What it does not: the database, which the caller opened and closes after the
 * application has stopped.
 */
public final class StandaloneApi {

    private final JavalinApplication.Builder builder;
    private final JdbiTenantDirectory tenants;
    private final JdbiUserRepository users;
    private final PasswordHasher passwords;
    private final AuditHeads heads;

    private StandaloneApi(JavalinApplication.Builder builder, JdbiTenantDirectory tenants, JdbiUserRepository users,
            PasswordHasher passwords, AuditHeads heads) {
        this.builder = builder;
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.heads = heads;
    }

    /** The API of {@code config} over {@code database}, recording metrics in {@code metrics}, on {@code clock}. */
    public static StandaloneApi create(AppConfig config, Metrics metrics, JdbiDatabase database, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        AuditHeads heads = AuditHeads.create();
        JdbiAuditTrail audit = JdbiAuditTrail.create(database.rls(), heads);
        JdbiUserRepository users = JdbiUserRepository.create(database.rls(),
                FieldEncryption.from(config.encryptionConfig()), audit);
        JdbiApiKeyRepository keys = JdbiApiKeyRepository.create(database.rls(), audit);
        JdbiTenantDirectory tenants = JdbiTenantDirectory.create(database.rls(), audit);
        CachingTenantDirectory cachedTenants = CachingTenantDirectory.of(tenants);
        AccessTokens tokens = AccessTokens.from(config.jwtConfig(), clock);
        PasswordHasher passwords = PasswordHasher.from(config.passwordConfig());
        PasswordPolicy policy = PasswordPolicy.from(config.passwordConfig());
        JdbiAuthenticator authenticator = JdbiAuthenticator.create(tokens, users, keys, clock);
        JdbiSessions sessions = JdbiSessions.create(tokens, passwords, users,
                JdbiRefreshTokenRepository.create(database.rls()), audit, config.jwtConfig().refreshTokenTtl(), clock);
        Optional<RateLimiter> limiter = config.rateLimitConfig().enabled()
                ? Optional.of(RateLimiters.forConfig(config, metrics)) : Optional.empty();
        JavalinApplication.Builder builder = JavalinApplication.builder(config, metrics)
                .authenticator(authenticator)
                .tenants(cachedTenants)
                .auditSink(audit)
                .healthCheck("database", () -> database(database.check()))
                .routes(routes -> {
                    AuthRoutes.register(routes, sessions, cachedTenants, users, passwords, limiter,
                            RateLimitPolicies.from(config.rateLimitConfig()), clock);
                    UserRoutes.register(routes, users, passwords, policy, authenticator::forgetUser);
                    ApiKeyRoutes.register(routes, keys, clock);
                    AuditEventRoutes.register(routes, audit);
                    TenantRoutes.register(routes, tenants, passwords::hash,
                            password -> policy.violations(password, ""), cachedTenants::invalidate);
                });
        limiter.ifPresent(builder::rateLimiter);
        config.redisConfig().url().ifPresent(url -> redisCheck(config, builder,
                new RedisHealthCheck(RedisPing.to(url, config.lifecycleConfig().healthCheckTimeout()))));
        return new StandaloneApi(builder, tenants, users, passwords, heads);
    }

    /** The application builder, to add routes or middleware before building. */
    public JavalinApplication.Builder builder() {
        return builder;
    }

    /** The directory of tenants, for seeding and for the platform's own tools. */
    public JdbiTenantDirectory tenants() {
        return tenants;
    }

    /** The users of every tenant. */
    public JdbiUserRepository users() {
        return users;
    }

    /** The password hasher of {@code PASSWORD_HASH_ITERATIONS}. */
    public PasswordHasher passwords() {
        return passwords;
    }

    /** The audit chain heads this process commits, for {@link io.erpcore.adapter.jdbi.AuditHeadPublisher}. */
    public AuditHeads auditHeads() {
        return heads;
    }

    /**
     * Redis decides readiness only under {@code RATE_LIMIT_REDIS_FAILURE=closed}, where the API
     * answers 503 without it anyway. Under {@code open} every replica serves without Redis, and a
     * shared Redis outage that made them all unready would take the whole service down: there it
     * is informative.
     */
    private static void redisCheck(AppConfig config, JavalinApplication.Builder builder, RedisHealthCheck check) {
        if (config.rateLimitConfig().enabled() && config.rateLimitConfig().redisFailureMode() == RedisFailureMode.CLOSED) {
            builder.healthCheck("redis", check);
        } else {
            builder.informativeCheck("redis", check);
        }
    }

    private static ComponentHealth database(DatabaseHealth health) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("latencyMs", health.latency().toMillis());
        details.put("active", health.pool().active());
        details.put("idle", health.pool().idle());
        details.put("waiting", health.pool().waiting());
        details.put("total", health.pool().total());
        if (health.up()) {
            details.put("schemaVersion", health.schemaVersion().orElse("unknown"));
        }
        health.problem().ifPresent(problem -> details.put("problem", problem));
        return health.up() ? ComponentHealth.up(details) : ComponentHealth.down(details);
    }
}
