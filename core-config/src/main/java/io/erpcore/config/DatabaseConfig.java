package io.erpcore.config;

import io.erpcore.config.internal.Placeholders;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The runtime and migration connections and the pool around them. The lower bounds on the pool
 * timeouts are HikariCP's own minimums, reported here by variable name instead of at first use.
 *
 * @param url the runtime role; empty only in development, where an embedded PostgreSQL is used
 * @param migrationUrl the owner role for migrations; when empty, {@code url} migrates (development)
 */
public record DatabaseConfig(
        @Variable("DATABASE_URL") Optional<DatabaseUrl> url,
        @Variable("DATABASE_MIGRATE") boolean migrate,
        @Variable("DATABASE_MIGRATION_URL") Optional<DatabaseUrl> migrationUrl,
        @Variable("DATABASE_MAX_CONNECTIONS") @Min(1) @Max(1000) int maxConnections,
        @Variable("DATABASE_MIN_IDLE") @Min(0) int minIdle,
        @Variable("DATABASE_ACQUIRE_TIMEOUT") @DurationMin(millis = 250) Duration acquireTimeout,
        @Variable("DATABASE_IDLE_TIMEOUT") @DurationMin(seconds = 10) Duration idleTimeout,
        @Variable("DATABASE_MAX_LIFETIME") @DurationMin(seconds = 30) Duration maxLifetime,
        @Variable("DATABASE_LEAK_DETECTION_MS") Duration leakDetectionThreshold,
        @Variable("DATABASE_TIMEOUT") @DurationMin(millis = 100) @DurationMax(hours = 1) Duration statementTimeout,
        @Variable("DATABASE_SLOW_QUERY_MS") Duration slowQueryThreshold,
        @Variable("DATABASE_TENANT_MAX_CONNECTIONS") @Min(1) int tenantMaxConnections,
        @Variable("DATABASE_STARTUP_TIMEOUT") Duration startupTimeout) {

    @Variable("DATABASE_URL")
    @AssertTrue(groups = OutsideDevelopment.class, message = "must not use a placeholder password from the documentation")
    public boolean isRuntimePasswordReal() {
        return url.flatMap(DatabaseUrl::password).map(password -> !Placeholders.isPlaceholder(password.reveal())).orElse(true);
    }

    @Variable("DATABASE_MIGRATION_URL")
    @AssertTrue(groups = OutsideDevelopment.class, message = "must not use a placeholder password from the documentation")
    public boolean isMigrationPasswordReal() {
        return migrationUrl.flatMap(DatabaseUrl::password).map(password -> !Placeholders.isPlaceholder(password.reveal())).orElse(true);
    }

    @Variable(value = "DATABASE_MIN_IDLE", reads = "DATABASE_MAX_CONNECTIONS")
    @AssertTrue(message = "must not exceed DATABASE_MAX_CONNECTIONS")
    public boolean isMinIdleWithinPool() {
        return minIdle <= maxConnections;
    }

    @Variable(value = "DATABASE_TENANT_MAX_CONNECTIONS", reads = "DATABASE_MAX_CONNECTIONS")
    @AssertTrue(message = "must not exceed DATABASE_MAX_CONNECTIONS, or one tenant could take the whole pool and more")
    public boolean isTenantShareWithinPool() {
        return tenantMaxConnections <= maxConnections;
    }

    @Variable(value = "DATABASE_IDLE_TIMEOUT", reads = "DATABASE_MAX_LIFETIME")
    @AssertTrue(message = "must be shorter than DATABASE_MAX_LIFETIME")
    public boolean isIdleTimeoutBelowLifetime() {
        return idleTimeout.compareTo(maxLifetime) < 0;
    }

    @Variable(value = "DATABASE_LEAK_DETECTION_MS", reads = "DATABASE_MAX_LIFETIME")
    @AssertTrue(message = "must be 0 (off) or between 2000 and DATABASE_MAX_LIFETIME")
    public boolean isLeakDetectionUsable() {
        return leakDetectionThreshold.isZero()
                || leakDetectionThreshold.toMillis() >= 2000 && leakDetectionThreshold.compareTo(maxLifetime) < 0;
    }
}
