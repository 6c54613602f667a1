package io.erpcore.adapter.jdbi;

import io.erpcore.config.DatabaseUrl;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the plain-SQL migrations of core-persistence ({@code classpath:db/migration}) as the
 * owner role, granting the runtime role what it needs.
 */
public final class FlywayMigrations {

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");

    private FlywayMigrations() {
    }

    /** Migrates the database of {@code owner} to the latest version; returns what Flyway did. */
    public static MigrateResult migrate(DatabaseUrl owner, String runtimeRole) {
        return flyway(owner, runtimeRole).migrate();
    }

    /** Where the database of {@code owner} stands: the newest migration applied and how many wait. Changes nothing. */
    public static MigrationStatus status(DatabaseUrl owner, String runtimeRole) {
        MigrationInfoService info = flyway(owner, runtimeRole).info();
        MigrationInfo current = info.current();
        return new MigrationStatus(Optional.ofNullable(current).map(migration -> migration.getVersion().getVersion()),
                info.applied().length, info.pending().length);
    }

    private static Flyway flyway(DatabaseUrl owner, String runtimeRole) {
        if (!ROLE_NAME.matcher(runtimeRole).matches()) {
            throw new IllegalArgumentException("The runtime role '" + runtimeRole
                    + "' must be letters, digits, '_', '$' or '-', starting with a letter or '_'");
        }
        return Flyway.configure()
                .dataSource(owner.jdbcUrl(), owner.user(), owner.password().map(p -> p.reveal()).orElse(null))
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", runtimeRole))
                .failOnMissingLocations(true)
                .load();
    }
}
