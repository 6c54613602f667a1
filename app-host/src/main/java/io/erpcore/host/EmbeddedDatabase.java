package io.erpcore.host;

import io.erpcore.adapter.jdbi.PostgresProvisioning;
import io.erpcore.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The development default: a PostgreSQL server run by the host itself, keeping its data under
 * {@code ./data/postgres} so the next start finds it again, with the owner role {@code erp_owner},
 * the runtime role {@code erp_app} and the database {@code erp} made as a DBA would make them.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "erp";
    static final String OWNER = "erp_owner";
    static final String RUNTIME = "erp_app";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final boolean reused;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, boolean reused) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.reused = reused;
    }

    /** Starts the server on {@code dataDirectory}, creating it (and the roles) on the first start. */
    static EmbeddedDatabase start(Path dataDirectory) throws IOException, SQLException {
        boolean reused = Files.exists(dataDirectory.resolve("PG_VERSION"));
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // The host stops the server itself, after the HTTP server: a hook of its own would
                // race the host's stop and pull the database from under requests still in progress.
                .setRegisterShutdownHook(false)
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(server, dataDirectory, reused);
        PostgresProvisioning.provision(server.getPostgresDatabase(), DATABASE, OWNER, RUNTIME);
        return database;
    }

    /** The runtime role's URL. */
    DatabaseUrl runtime() {
        return url(RUNTIME);
    }

    /** The owner role's URL, for migrations. */
    DatabaseUrl owner() {
        return url(OWNER);
    }

    /** One line for operators: where the server listens and keeps its data, and how to use another. */
    String describe() {
        return "Embedded PostgreSQL on localhost:" + server.getPort() + " with its data in " + dataDirectory
                + (reused ? " (reused)" : " (created)")
                + "; to use your own server, set DATABASE_URL (runtime role) and DATABASE_MIGRATION_URL (owner role)";
    }

    /** Where the server listens and keeps its data, in one phrase. */
    String describeBriefly() {
        return "embedded PostgreSQL on localhost:" + server.getPort() + ", data in " + dataDirectory;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }

    private DatabaseUrl url(String role) {
        return DatabaseUrl.parse("postgresql://" + role + "@localhost:" + server.getPort() + "/" + DATABASE);
    }
}
