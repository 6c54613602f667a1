package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code erp-core migrate} and {@code erp-core db-check} run from the packaged jar against a server of the test's own. */
class DatabaseCommandsProcessTest {

    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path workingDirectory;

    @TempDir
    Path databaseDirectory;

    private OwnPostgres database;

    @BeforeEach
    void startDatabase() {
        database = OwnPostgres.on(databaseDirectory).start();
    }

    @AfterEach
    void stopDatabase() {
        database.close();
    }

    @Test
    void db_check_on_a_database_never_migrated_reports_pending_migrations_and_exits_70_when_start_up_would_not_migrate()
            throws Exception {
        HostProcess check = HostProcess.launch(workingDirectory, HostProcess.production(database,
                Map.of("DATABASE_MIGRATE", "false")), "db-check");

        assertThat(check.awaitExit(EXIT)).as(check.stdout()).isEqualTo(70);
        assertThat(check.stdout()).containsPattern("runtime role +OK +postgresql://erp_app@127\\.0\\.0\\.1:\\d+/erp answered in")
                .containsPattern("owner role +OK")
                .containsPattern("migrations +FAILED +version none: 0 applied, \\d+ pending; DATABASE_MIGRATE=false")
                .contains("Result: start-up would fail (exit 70)");
    }

    @Test
    void migrate_applies_every_migration_serves_nothing_and_db_check_then_passes() throws Exception {
        HostProcess migrate = HostProcess.launch(workingDirectory, HostProcess.production(database, Map.of()), "migrate");
        assertThat(migrate.awaitExit(EXIT)).as(migrate.stdout()).isZero();
        assertThat(migrate.stdout()).contains("Migrations done:", "and the tenancy lint passed")
                .doesNotContain("is listening");

        HostProcess check = HostProcess.launch(workingDirectory, HostProcess.production(database,
                Map.of("DATABASE_MIGRATE", "false")), "db-check");

        assertThat(check.awaitExit(EXIT)).as(check.stdout()).isZero();
        assertThat(check.stdout()).containsPattern("runtime role +OK .*not superuser, no BYPASSRLS")
                .containsPattern("migrations +OK +version \\d+: \\d+ applied, 0 pending")
                .containsPattern("tenancy lint +OK +passed")
                .contains("Result: start-up would pass the database phases");
    }

    @Test
    void db_check_with_an_unreachable_database_exits_69_at_once() throws Exception {
        database.stop();
        HostProcess check = HostProcess.launch(workingDirectory, HostProcess.production(database, Map.of()), "db-check");

        assertThat(check.awaitExit(Duration.ofSeconds(30))).isEqualTo(69);
        assertThat(check.stdout()).containsPattern("runtime role +FAILED").contains("Result: start-up would fail (exit 69)");
    }
}
