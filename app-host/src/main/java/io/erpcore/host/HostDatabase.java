package io.erpcore.host;

import io.erpcore.adapter.jdbi.FlywayMigrations;
import io.erpcore.adapter.jdbi.JdbcConnections;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.config.AppConfig;
import io.erpcore.config.DatabaseConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import io.erpcore.persistence.DatabaseHealth;
import io.erpcore.persistence.LintReport;
import io.erpcore.persistence.TenancyLint;
import io.erpcore.persistence.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;

/**
 * The database phase of start-up: the embedded server when development has no
 * {@code DATABASE_URL}, migrations as the owner role, the tenancy lint (fatal outside
 * development), then the runtime pool and a first probe. Closing it closes the pool and stops the
 * embedded server.
 */
final class HostDatabase implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final JdbiDatabase runtime;

    private HostDatabase(EmbeddedDatabase embedded, JdbiDatabase runtime) {
        this.embedded = embedded;
        this.runtime = runtime;
    }

    static HostDatabase start(AppConfig config, Path workingDirectory, Metrics metrics, MeterRegistry registry,
            StructuredLogger log) {
        DatabaseConfig database = config.databaseConfig();
        EmbeddedDatabase embedded = database.url().isPresent() ? null : embedded(workingDirectory, log);
        try {
            DatabaseUrl runtimeUrl = embedded == null ? database.url().orElseThrow() : embedded.runtime();
            DatabaseUrl ownerUrl = embedded == null ? database.migrationUrl().orElse(runtimeUrl) : embedded.owner();
            if (database.migrate()) {
                migrate(ownerUrl, runtimeUrl.user(), log);
            }
            lint(ownerUrl, runtimeUrl.user(), config, log);
            JdbiDatabase runtime = JdbiDatabase.open(database, runtimeUrl, config.serverConfig().serviceName(), metrics,
                    config.loggingConfig().databaseLogging(), registry);
            probe(runtime, config, log);
            return new HostDatabase(embedded, runtime);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** The runtime role's pool, for the API; it stays the host's, closed by {@link #close()}. */
    JdbiDatabase runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static EmbeddedDatabase embedded(Path workingDirectory, StructuredLogger log) {
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(workingDirectory.resolve("data").resolve("postgres"));
            log.info(embedded.describe());
            return embedded;
        } catch (IOException | SQLException e) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE,
                    "Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void migrate(DatabaseUrl owner, String runtimeRole, StructuredLogger log) {
        try {
            int applied = FlywayMigrations.migrate(owner, runtimeRole).migrationsExecuted;
            log.info("Migrations applied", Map.of("applied", applied, "database", owner.database()));
        } catch (FlywayException e) {
            boolean unreachable = TransientFailures.transientState(e).isPresent();
            throw new HostStartupException(unreachable ? ExitCode.DATABASE_UNAVAILABLE : ExitCode.MIGRATION_FAILED,
                    (unreachable ? "Cannot reach the database to migrate it: " : "A migration failed: ") + e.getMessage(), e);
        }
    }

    private static void lint(DatabaseUrl owner, String runtimeRole, AppConfig config, StructuredLogger log) {
        LintReport report;
        try (Connection connection = JdbcConnections.open(owner)) {
            report = TenancyLint.forRuntimeRole(runtimeRole).check(connection);
        } catch (SQLException e) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot run the tenancy lint: " + e.getMessage(), e);
        }
        if (report.passed()) {
            report.findings().forEach(finding -> log.warn("Tenancy lint: " + finding));
            return;
        }
        if (config.environment().isDevelopment()) {
            log.warn("The tenancy lint failed; development starts anyway, staging and production would not:\n"
                    + report.describe());
            return;
        }
        throw new HostStartupException(ExitCode.LINT_FAILED, "The tenancy lint failed:\n" + report.describe(), null);
    }

    private static void probe(JdbiDatabase runtime, AppConfig config, StructuredLogger log) {
        DatabaseHealth health = runtime.probe(config.lifecycleConfig().healthCheckTimeout());
        if (!health.up()) {
            runtime.close();
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE,
                    "The database does not answer as the runtime role: " + health.problem().orElse("unknown"), null);
        }
        log.info("Database ready", Map.of("latencyMs", health.latency().toMillis(), "poolTotal", health.pool().total()));
    }

}
