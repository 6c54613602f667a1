package io.erpcore.host;

import io.erpcore.adapter.jdbi.FlywayMigrations;
import io.erpcore.adapter.jdbi.JdbcConnections;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.config.AppConfig;
import io.erpcore.config.DatabaseConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import io.erpcore.persistence.LintReport;
import io.erpcore.persistence.TenancyLint;
import io.erpcore.persistence.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;

/**
 * The database as the host sees it: the embedded server when development has no
 * {@code DATABASE_URL}, else the configured one; the owner role's URL for migrations and the
 * lint, the runtime role's for the pool. Closing it closes the pool and stops the embedded server.
 */
final class HostDatabase implements AutoCloseable {

    private final DatabaseConfig config;
    private final EmbeddedDatabase embedded;
    private final DatabaseUrl runtimeUrl;
    private final DatabaseUrl ownerUrl;
    private JdbiDatabase runtime;

    private HostDatabase(DatabaseConfig config, EmbeddedDatabase embedded, DatabaseUrl runtimeUrl, DatabaseUrl ownerUrl) {
        this.config = config;
        this.embedded = embedded;
        this.runtimeUrl = runtimeUrl;
        this.ownerUrl = ownerUrl;
    }

    /**
     * The database phase: starts the embedded server, or waits for the configured one (as the
     * role that will use it first) with backoff until {@code DATABASE_STARTUP_TIMEOUT}.
     */
    static HostDatabase reach(AppConfig config, Path workingDirectory, StructuredLogger log) {
        HostDatabase located = locate(config, workingDirectory, log);
        DatabaseConfig database = config.databaseConfig();
        if (located.embedded == null) {
            DatabaseWait.until(database.migrate() ? located.ownerUrl : located.runtimeUrl, database.startupTimeout(), log);
        }
        return located;
    }

    /**
     * The database as configured, for a command that checks rather than waits: the embedded server
     * is started, a configured one is not contacted yet.
     */
    static HostDatabase locate(AppConfig config, Path workingDirectory, StructuredLogger log) {
        DatabaseConfig database = config.databaseConfig();
        if (database.url().isEmpty()) {
            EmbeddedDatabase embedded = embedded(workingDirectory, log);
            return new HostDatabase(database, embedded, embedded.runtime(), embedded.owner());
        }
        DatabaseUrl runtimeUrl = database.url().orElseThrow();
        return new HostDatabase(database, null, runtimeUrl, database.migrationUrl().orElse(runtimeUrl));
    }

    /** The migrations phase: migrations as the owner role (unless {@code DATABASE_MIGRATE=false}), then the tenancy lint. */
    void migrateAndLint(AppConfig appConfig, StructuredLogger log) {
        if (config.migrate()) {
            migrate(log);
        }
        lint(appConfig, log);
    }


    /** Opens the runtime role's pool, for the API; it stays the host's, closed by {@link #close()}. */
    JdbiDatabase openPool(AppConfig appConfig, Metrics metrics, MeterRegistry registry) {
        try {
            runtime = JdbiDatabase.open(config, runtimeUrl, appConfig.serverConfig().serviceName(), metrics,
                    appConfig.loggingConfig().databaseLogging(), registry);
        } catch (RuntimeException e) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot open the pool as the runtime role "
                    + runtimeUrl.user() + ": " + rootMessage(e),
                    "check DATABASE_URL's role and password; erp-core db-check connects as both roles", e);
        }
        return runtime;
    }

    /** The pool opened by {@link #openPool}. */
    JdbiDatabase runtime() {
        return runtime;
    }

    /** Where the database is, for the banner: the embedded server's port and data, or the URL without its password. */
    String describe() {
        return embedded != null ? embedded.describeBriefly() : runtimeUrl.toString();
    }

    /** The embedded server, if the host runs one. */
    Optional<EmbeddedDatabase> embedded() {
        return Optional.ofNullable(embedded);
    }

    DatabaseUrl runtimeUrl() {
        return runtimeUrl;
    }

    DatabaseUrl ownerUrl() {
        return ownerUrl;
    }

    @Override
    public void close() {
        try {
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static EmbeddedDatabase embedded(Path workingDirectory, StructuredLogger log) {
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(workingDirectory.resolve("data").resolve("postgres"));
            log.info(embedded.describe());
            return embedded;
        } catch (IOException | SQLException e) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE,
                    "Cannot start the embedded PostgreSQL: " + e.getMessage(),
                    "delete ./data/postgres if an earlier start left it half made, or set DATABASE_URL", e);
        }
    }

    /** Migrations as the owner role, whatever {@code DATABASE_MIGRATE} says; how many were applied. */
    int migrate(StructuredLogger log) {
        try {
            int applied = FlywayMigrations.migrate(ownerUrl, runtimeUrl.user()).migrationsExecuted;
            log.info("Migrations applied", Map.of("applied", applied, "database", ownerUrl.database()));
            return applied;
        } catch (FlywayException e) {
            boolean unreachable = TransientFailures.transientState(e).isPresent();
            throw new HostStartupException(unreachable ? ExitCode.DATABASE_UNAVAILABLE : ExitCode.MIGRATION_FAILED,
                    (unreachable ? "Cannot reach the database to migrate it: " : "A migration failed: ") + e.getMessage(),
                    unreachable ? "the database went away after start-up reached it; check the server"
                            : "the database is as the last successful migration left it; fix the migration or the "
                                    + "data it trips on, then start again (erp-core migrate runs them alone)", e);
        }
    }

    /** The tenancy lint, fatal outside development. */
    void lint(AppConfig appConfig, StructuredLogger log) {
        LintReport report = lintReport();
        if (report.passed()) {
            report.findings().forEach(finding -> log.warn("Tenancy lint: " + finding));
            return;
        }
        if (appConfig.environment().isDevelopment()) {
            log.warn("The tenancy lint failed; development starts anyway, staging and production would not:\n"
                    + report.describe());
            return;
        }
        throw new HostStartupException(ExitCode.LINT_FAILED, "The tenancy lint failed:\n" + report.describe(),
                "every table with a tenant_id needs forced row-level security and its policy; "
                        + "erp-core db-check prints the same report", null);
    }

    /** The tenancy lint of the schema, as the owner role sees it. */
    LintReport lintReport() {
        try (Connection connection = JdbcConnections.open(ownerUrl)) {
            return TenancyLint.forRuntimeRole(runtimeUrl.user()).check(connection);
        } catch (SQLException e) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot run the tenancy lint: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
