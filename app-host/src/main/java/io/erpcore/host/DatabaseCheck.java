package io.erpcore.host;

import io.erpcore.adapter.jdbi.FlywayMigrations;
import io.erpcore.adapter.jdbi.JdbcConnections;
import io.erpcore.adapter.jdbi.MigrationStatus;
import io.erpcore.config.AppConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.persistence.LintReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;

/**
 * {@code erp-core db-check}: connects once as each role (no retries: an operator asking wants the
 * answer now), reports where the schema stands against this build's migrations and runs the
 * tenancy lint. Changes nothing. The exit code is the one start-up would end with: 69 when a role
 * cannot connect, 70 when migrations are pending that start-up would not apply, 65 when the lint
 * fails outside development, 0 when start-up would pass the database phases.
 */
final class DatabaseCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final AppConfig config;
    private final HostDatabase database;
    private final List<String> lines = new ArrayList<>();
    private int exitCode = ExitCode.OK;

    private DatabaseCheck(AppConfig config, HostDatabase database) {
        this.config = config;
        this.database = database;
    }

    /** Checks {@code database} and returns the report; {@link Result#exitCode()} is what the command exits with. */
    static Result run(AppConfig config, HostDatabase database) {
        DatabaseCheck check = new DatabaseCheck(config, database);
        check.lines.add("Database check (APP_ENV=" + config.environment().id() + ")");
        boolean runtime = check.role("runtime role", database.runtimeUrl());
        boolean owner = check.role("owner role", database.ownerUrl());
        if (owner) {
            check.migrations();
            check.lint();
        } else {
            check.row("migrations", "SKIPPED", "needs the owner role");
            check.row("tenancy lint", "SKIPPED", "needs the owner role");
        }
        check.lines.add(check.exitCode == ExitCode.OK && runtime
                ? "Result: start-up would pass the database phases"
                : "Result: start-up would fail (exit " + check.exitCode + ")");
        return new Result(String.join(System.lineSeparator(), check.lines) + System.lineSeparator(), check.exitCode);
    }

    /** The report's text and the exit code. */
    record Result(String text, int exitCode) {
    }

    private boolean role(String name, DatabaseUrl url) {
        long started = System.nanoTime();
        try (Connection connection = JdbcConnections.open(url, CONNECT_TIMEOUT);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_setting('server_version'), r.rolsuper, r.rolbypassrls"
                        + " from pg_roles r where r.rolname = current_user")) {
            row.next();
            long millis = (System.nanoTime() - started) / 1_000_000;
            String attributes = (row.getBoolean(2) ? "SUPERUSER" : "not superuser") + ", "
                    + (row.getBoolean(3) ? "BYPASSRLS" : "no BYPASSRLS");
            row(name, "OK", url + " answered in " + millis + " ms (PostgreSQL " + row.getString(1) + "; " + attributes + ")");
            return true;
        } catch (SQLException e) {
            row(name, "FAILED", url + ": " + e.getMessage());
            fail(ExitCode.DATABASE_UNAVAILABLE);
            return false;
        }
    }

    private void migrations() {
        try {
            MigrationStatus status = FlywayMigrations.status(database.ownerUrl(), database.runtimeUrl().user());
            String where = "version " + status.currentVersion().orElse("none") + ": " + status.applied() + " applied, "
                    + status.pending() + " pending";
            if (status.upToDate()) {
                row("migrations", "OK", where);
            } else if (config.databaseConfig().migrate()) {
                row("migrations", "OK", where + "; start-up applies them (DATABASE_MIGRATE=true)");
            } else {
                row("migrations", "FAILED", where + "; DATABASE_MIGRATE=false: run erp-core migrate first");
                fail(ExitCode.MIGRATION_FAILED);
            }
        } catch (FlywayException e) {
            row("migrations", "FAILED", e.getMessage());
            fail(ExitCode.MIGRATION_FAILED);
        }
    }

    private void lint() {
        try {
            LintReport report = database.lintReport();
            if (report.passed()) {
                row("tenancy lint", "OK", "passed, " + report.warnings().size() + " warnings");
            } else if (config.environment().isDevelopment()) {
                row("tenancy lint", "WARNING", report.errors().size() + " errors; development starts anyway");
            } else {
                row("tenancy lint", "FAILED", report.errors().size() + " errors");
                fail(ExitCode.LINT_FAILED);
            }
            if (!report.findings().isEmpty()) {
                report.describe().lines().forEach(line -> lines.add("    " + line));
            }
        } catch (HostStartupException e) {
            row("tenancy lint", "FAILED", e.getMessage());
            fail(e.exitCode());
        }
    }

    private void row(String name, String verdict, String detail) {
        lines.add(String.format("  %-14s%-9s%s", name, verdict, detail));
    }

    private void fail(int code) {
        if (exitCode == ExitCode.OK) {
            exitCode = code;
        }
    }
}
