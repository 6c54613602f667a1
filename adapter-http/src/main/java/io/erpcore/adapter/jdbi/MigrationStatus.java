package io.erpcore.adapter.jdbi;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a database stands against the migrations this build ships.
 *
 * @param currentVersion the newest migration applied, empty on a database never migrated
 * @param applied how many migrations have been applied
 * @param pending how many this build ships that the database has not had yet
 */
public record MigrationStatus(Optional<String> currentVersion, int applied, int pending) {

    public MigrationStatus {
        Objects.requireNonNull(currentVersion, "currentVersion");
    }

    /** Whether the database has every migration of this build. */
    public boolean upToDate() {
        return pending == 0;
    }
}
