package io.erpcore.config;

import static io.erpcore.config.Requirement.OUTSIDE_DEVELOPMENT;
import static io.erpcore.config.SettingGroup.APPLICATION;
import static io.erpcore.config.SettingGroup.DATABASE;
import static io.erpcore.config.SettingGroup.ENCRYPTION;
import static io.erpcore.config.SettingGroup.LOGGING;
import static io.erpcore.config.SettingGroup.OPERATIONS;
import static io.erpcore.config.SettingGroup.RATE_LIMITS;
import static io.erpcore.config.SettingGroup.SERVER;
import static io.erpcore.config.SettingGroup.SERVICES;
import static io.erpcore.config.SettingGroup.TOKENS;

import java.util.List;
import java.util.Optional;

/**
 * Every configuration variable ERP Core reads, in the order {@code --help} lists them. The binder,
 * {@code --help} and {@code .env.example} all come from these definitions.
 *
 * <p>Order matters in one way: a derived default or a conditional requirement may only read
 * variables defined above it.
 */
public final class ConfigCatalogue {

    /** The variable that selects the environment; {@value #ENVIRONMENT_ALIAS} is its alias. */
    public static final String ENVIRONMENT_VARIABLE = "APP_ENV";
    public static final String ENVIRONMENT_ALIAS = "NODE_ENV";

    private static final String OPENSSL_HINT = "generate one with: openssl rand -base64 48";

    private static final List<Setting<?>> SETTINGS = List.of(
            Setting.of(APPLICATION, ENVIRONMENT_VARIABLE, ValueType.ENVIRONMENT,
                    "Where the process runs; staging and production require every secret. NODE_ENV is accepted as an alias.")
                    .withDefault("development"),

            Setting.of(SERVER, "PORT", ValueType.INTEGER, "TCP port of the HTTP server; 0 picks a free port.")
                    .withDefault("3001"),
            Setting.of(SERVER, "HOST", ValueType.TEXT, "Interface the HTTP server binds to; 0.0.0.0 for all.")
                    .withDefault("localhost"),
            Setting.of(SERVER, "SERVICE_NAME", ValueType.TEXT, "Service name in every log line and metric.")
                    .withDefault("erp-core"),
            Setting.of(SERVER, "REQUEST_BODY_LIMIT", ValueType.SIZE, "Largest request body accepted; larger ones get 413.")
                    .withDefault("1mb"),
            Setting.of(SERVER, "CORS_ORIGINS", ValueType.LIST,
                    "Browser origins allowed to call the API, comma-separated; empty allows none, * any.")
                    .withDefault("")
                    .withHint("write origins as scheme://host[:port], e.g. https://app.example.com,https://admin.example.com"),
            Setting.of(SERVER, "TRUST_PROXY", ValueType.TRUST_PROXY,
                    "Whose X-Forwarded-For to believe: none, a hop count, or a comma list of proxy CIDR blocks.")
                    .withDefault("none"),
            Setting.of(SERVER, "COMPRESSION_ENABLED", ValueType.BOOLEAN, "Gzip responses above 1 KB for clients that accept it.")
                    .withDefault("true"),

            Setting.of(LOGGING, "LOG_LEVEL", ValueType.oneOf(LogLevel.class), "Least severe level written.")
                    .withDefault("info"),
            Setting.of(LOGGING, "LOG_FORMAT", ValueType.oneOf(LogFormat.class), "json: one object per line; pretty: one readable line.")
                    .withDefault(DefaultValue.byEnvironment("pretty", "json")),
            Setting.of(LOGGING, "DATABASE_LOGGING", ValueType.BOOLEAN, "Log every SQL statement shape and its duration at debug.")
                    .withDefault("false"),
            Setting.of(LOGGING, "LOG_REDACT_KEYS", ValueType.LIST,
                    "Extra context keys whose values are masked in logs, besides password, secret, token, authorization, cookie and apiKey.")
                    .withDefault("")
                    .withHint("a comma list of key names, e.g. iban,taxId"),

            Setting.of(DATABASE, "DATABASE_URL", ValueType.DATABASE_URL,
                    "Runtime role, postgresql://user:pass@host:5432/db; unset in development starts an embedded PostgreSQL.")
                    .required(OUTSIDE_DEVELOPMENT)
                    .withHint("postgresql://erp_app:PASSWORD@db.internal:5432/erp?sslmode=require (percent-encode @ / : in the password)"),
            Setting.of(DATABASE, "DATABASE_MIGRATE", ValueType.BOOLEAN, "Run the migrations at start-up.")
                    .withDefault("true"),
            Setting.of(DATABASE, "DATABASE_MIGRATION_URL", ValueType.DATABASE_URL,
                    "Owner role that runs the migrations; the runtime role never owns tables.")
                    .required(Requirement.outsideDevelopmentWhile("DATABASE_MIGRATE"))
                    .withHint("postgresql://erp_owner:PASSWORD@db.internal:5432/erp, or DATABASE_MIGRATE=false to migrate separately"),
            Setting.of(DATABASE, "DATABASE_MAX_CONNECTIONS", ValueType.INTEGER, "Largest size of the runtime connection pool.")
                    .withDefault("20"),
            Setting.of(DATABASE, "DATABASE_MIN_IDLE", ValueType.INTEGER, "Idle connections the pool keeps ready.")
                    .withDefault(DefaultValue.derived("2, or DATABASE_MAX_CONNECTIONS if smaller",
                            bound -> String.valueOf(Math.min(2, (Integer) bound.apply("DATABASE_MAX_CONNECTIONS"))))),
            Setting.of(DATABASE, "DATABASE_ACQUIRE_TIMEOUT", ValueType.MILLISECONDS, "How long a request waits for a pooled connection.")
                    .withDefault("30000"),
            Setting.of(DATABASE, "DATABASE_IDLE_TIMEOUT", ValueType.MILLISECONDS, "Idle time after which a surplus connection closes.")
                    .withDefault("600000"),
            Setting.of(DATABASE, "DATABASE_MAX_LIFETIME", ValueType.MILLISECONDS, "Age at which a connection is replaced.")
                    .withDefault("1800000"),
            Setting.of(DATABASE, "DATABASE_LEAK_DETECTION_MS", ValueType.MILLISECONDS,
                    "Warn when a connection is held longer than this; 0 turns it off.")
                    .withDefault("0"),
            Setting.of(DATABASE, "DATABASE_TIMEOUT", ValueType.MILLISECONDS, "Statement timeout of the runtime role.")
                    .withDefault("30000"),
            Setting.of(DATABASE, "DATABASE_SLOW_QUERY_MS", ValueType.MILLISECONDS, "Queries slower than this are logged as slow.")
                    .withDefault("1000"),
            Setting.of(DATABASE, "DATABASE_TENANT_MAX_CONNECTIONS", ValueType.INTEGER,
                    "Most connections one tenant may hold at once (the per-tenant bulkhead).")
                    .withDefault(DefaultValue.derived("half of DATABASE_MAX_CONNECTIONS",
                            bound -> String.valueOf(Math.max(1, (Integer) bound.apply("DATABASE_MAX_CONNECTIONS") / 2)))),
            Setting.of(DATABASE, "DATABASE_STARTUP_TIMEOUT", ValueType.MILLISECONDS,
                    "How long start-up keeps retrying an unreachable database before giving up.")
                    .withDefault("60000"),

            Setting.of(TOKENS, "JWT_SECRET", ValueType.SECRET, "HS256 signing secret of access tokens, at least 32 bytes.")
                    .withDefault(DefaultValue.generatedInDevelopment(48))
                    .required(OUTSIDE_DEVELOPMENT)
                    .withHint(OPENSSL_HINT),
            Setting.of(TOKENS, "JWT_SECRET_ID", ValueType.TEXT, "Key id (kid) written into tokens signed with JWT_SECRET.")
                    .withDefault("k1"),
            Setting.of(TOKENS, "JWT_PREVIOUS_SECRETS", ValueType.JWT_KEYS,
                    "Retired signing secrets as kid:secret, comma-separated; they verify but never sign.")
                    .withDefault("")
                    .withHint("list the secret you rotated away from as k1:OLDSECRET, and give JWT_SECRET_ID a new kid"),
            Setting.of(TOKENS, "JWT_EXPIRES_IN", ValueType.DURATION, "Lifetime of an access token.")
                    .withDefault("15m"),
            Setting.of(TOKENS, "JWT_REFRESH_EXPIRES_IN", ValueType.DURATION, "Lifetime of a refresh token.")
                    .withDefault("7d"),
            Setting.of(TOKENS, "JWT_ISSUER", ValueType.TEXT, "Issuer (iss) of tokens, checked on every token.")
                    .withDefault("erp-core"),
            Setting.of(TOKENS, "JWT_AUDIENCE", ValueType.TEXT, "Audience (aud) of tokens, checked on every token.")
                    .withDefault("erp-api"),
            Setting.of(TOKENS, "JWT_CLOCK_SKEW", ValueType.DURATION, "Clock difference tolerated on exp, iat and nbf; at most 60s.")
                    .withDefault("30s"),
            Setting.of(TOKENS, "PASSWORD_MIN_LENGTH", ValueType.INTEGER, "Shortest password accepted.")
                    .withDefault("12"),
            Setting.of(TOKENS, "PASSWORD_HASH_ITERATIONS", ValueType.INTEGER, "PBKDF2-SHA256 iterations per password hash.")
                    .withDefault("600000"),

            Setting.of(ENCRYPTION, "ENCRYPTION_KEY", ValueType.BASE64_KEY,
                    "AES-256 master key for field encryption: 32 random bytes, base64.")
                    .withDefault(DefaultValue.generatedInDevelopment(EncryptionKey.KEY_BYTES))
                    .required(OUTSIDE_DEVELOPMENT)
                    .withHint("generate one with: openssl rand -base64 32"),
            Setting.of(ENCRYPTION, "ENCRYPTION_KEY_ID", ValueType.INTEGER, "Id recorded with data encrypted under ENCRYPTION_KEY.")
                    .withDefault("1"),
            Setting.of(ENCRYPTION, "ENCRYPTION_PREVIOUS_KEYS", ValueType.ENCRYPTION_KEYS,
                    "Retired keys as id:base64key, comma-separated; they decrypt but never encrypt.")
                    .withDefault(""),

            Setting.of(RATE_LIMITS, "RATE_LIMIT_ENABLED", ValueType.BOOLEAN, "Apply the rate limits and the slow-down.")
                    .withDefault("true"),
            Setting.of(RATE_LIMITS, "RATE_LIMIT_WINDOW_MS", ValueType.MILLISECONDS, "Window of every request-count limit.")
                    .withDefault("900000"),
            Setting.of(RATE_LIMITS, "RATE_LIMIT_MAX", ValueType.INTEGER, "Requests per window from one IP.")
                    .withDefault("100"),
            Setting.of(RATE_LIMITS, "AUTH_RATE_LIMIT_MAX", ValueType.INTEGER, "Failed logins per window for one account from one IP.")
                    .withDefault("5"),
            Setting.of(RATE_LIMITS, "AUTH_IP_RATE_LIMIT_MAX", ValueType.INTEGER, "Failed logins per window from one IP across accounts.")
                    .withDefault("50"),
            Setting.of(RATE_LIMITS, "TENANT_RATE_LIMIT_MAX", ValueType.INTEGER,
                    "Requests per window from one IP to one tenant, unless the tenant has its own limit.")
                    .withDefault("1000"),
            Setting.of(RATE_LIMITS, "SPEED_LIMIT_DELAY_AFTER", ValueType.INTEGER, "Requests per window from one IP before responses slow down.")
                    .withDefault("50"),
            Setting.of(RATE_LIMITS, "SPEED_LIMIT_DELAY_MS", ValueType.MILLISECONDS, "Delay added per request over the threshold.")
                    .withDefault("100"),
            Setting.of(RATE_LIMITS, "SPEED_LIMIT_MAX_DELAY_MS", ValueType.MILLISECONDS, "Largest delay the slow-down adds.")
                    .withDefault("2000"),
            Setting.of(RATE_LIMITS, "RATE_LIMIT_REDIS_FAILURE", ValueType.oneOf(RedisFailureMode.class),
                    "While Redis is down: open serves and counts the failure, closed answers 503.")
                    .withDefault("open"),

            Setting.of(SERVICES, "REDIS_URL", ValueType.REDIS_URL,
                    "redis:// or rediss:// URL; when set, rate limits are shared by all replicas.")
                    .withHint("redis://:PASSWORD@cache.internal:6379/0"),
            Setting.of(SERVICES, "SMTP_HOST", ValueType.TEXT, "Mail server for outgoing e-mail; unset disables e-mail."),
            Setting.of(SERVICES, "SMTP_PORT", ValueType.INTEGER, "Mail server port.")
                    .withDefault("587"),
            Setting.of(SERVICES, "SMTP_USER", ValueType.TEXT, "Mail server user name."),
            Setting.of(SERVICES, "SMTP_PASSWORD", ValueType.SECRET, "Mail server password."),
            Setting.of(SERVICES, "SMTP_FROM", ValueType.TEXT, "Sender address of outgoing e-mail.")
                    .withHint("an address such as no-reply@example.com"),
            Setting.of(SERVICES, "WEBHOOK_SECRET", ValueType.SECRET, "Secret that signs outgoing and verifies incoming webhooks.")
                    .withHint(OPENSSL_HINT),
            Setting.of(SERVICES, "WEBHOOK_PREVIOUS_SECRETS", ValueType.SECRETS,
                    "Retired webhook secrets, comma-separated; signatures by them still verify, and outgoing ones still carry them.")
                    .withDefault("")
                    .withHint("list the secret you rotated away from, and put the new one in WEBHOOK_SECRET"),
            Setting.of(SERVICES, "WEBHOOK_TOLERANCE", ValueType.DURATION, "How far a webhook signature's timestamp may lie from now, either way.")
                    .withDefault("5m"),

            Setting.of(OPERATIONS, "METRICS_ENABLED", ValueType.BOOLEAN, "Serve Prometheus metrics at /metrics.")
                    .withDefault("true"),
            Setting.of(OPERATIONS, "METRICS_TOKEN", ValueType.SECRET, "When set, /metrics requires Authorization: Bearer <token>.")
                    .withHint(OPENSSL_HINT),
            Setting.of(OPERATIONS, "METRICS_TENANT_LABEL_CAP", ValueType.INTEGER,
                    "Distinct tenant label values on metrics; further tenants count as other.")
                    .withDefault("100"),
            Setting.of(OPERATIONS, "OPS_TOKEN", ValueType.SECRET, "Bearer token for /health/detailed outside development.")
                    .withHint(OPENSSL_HINT),
            Setting.of(OPERATIONS, "PLATFORM_ADMIN_TOKEN", ValueType.SECRET, "Bearer token of the platform (tenants) API; unset hides it.")
                    .withHint(OPENSSL_HINT),
            Setting.of(OPERATIONS, "HEALTH_CHECK_INTERVAL_MS", ValueType.MILLISECONDS, "How often the health checks run.")
                    .withDefault("5000"),
            Setting.of(OPERATIONS, "HEALTH_CHECK_TIMEOUT_MS", ValueType.MILLISECONDS, "How long one health check may take.")
                    .withDefault("2000"),
            Setting.of(OPERATIONS, "SHUTDOWN_DRAIN_DELAY_MS", ValueType.MILLISECONDS,
                    "On SIGTERM, how long readiness answers 503 before the listener closes.")
                    .withDefault(DefaultValue.byEnvironment("0", "5000")),
            Setting.of(OPERATIONS, "SHUTDOWN_TIMEOUT_MS", ValueType.MILLISECONDS, "Longest a graceful stop may take.")
                    .withDefault("30000"),
            Setting.of(OPERATIONS, "FEATURE_*", ValueType.BOOLEAN,
                    "Feature flags: FEATURE_<NAME>=true|false, read with featureFlags().isEnabled(\"<NAME>\").")
    );

    private ConfigCatalogue() {
    }

    /** Every definition, in catalogue order. */
    public static List<Setting<?>> settings() {
        return SETTINGS;
    }

    /** The definition of {@code name}; a {@code FEATURE_} name finds the {@code FEATURE_*} entry. */
    public static Optional<Setting<?>> find(String name) {
        return SETTINGS.stream()
                .filter(setting -> setting.isPattern() ? name.startsWith(setting.prefix()) : setting.name().equals(name))
                .findFirst();
    }
}
