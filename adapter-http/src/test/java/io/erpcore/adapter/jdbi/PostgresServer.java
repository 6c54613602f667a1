package io.erpcore.adapter.jdbi;

import io.erpcore.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server per test JVM, found in the order of DESIGN section 7: the administrator
 * URL in {@code ERP_TEST_DATABASE_URL}, else a Testcontainers container when a Docker engine
 * answers, else an embedded PostgreSQL. Tests never get a database of their own from here; they
 * ask {@link PostgresFixture} for one.
 */
final class PostgresServer {

    static final String URL_VARIABLE = "ERP_TEST_DATABASE_URL";

    private static PostgresServer shared;

    private final DatabaseUrl admin;
    private final String kind;

    private PostgresServer(DatabaseUrl admin, String kind) {
        this.admin = admin;
        this.kind = kind;
    }

    static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = fromEnvironment().or(PostgresServer::container).orElseGet(PostgresServer::embedded);
            System.err.println("Database tests run on the " + shared.kind() + " PostgreSQL server"
                    + (shared.kind().equals(URL_VARIABLE) ? "" : "; set " + URL_VARIABLE + " to an administrator URL to use another"));
        }
        return shared;
    }

    /** The database the administrator URL names, where new databases are created from. */
    String adminDatabase() {
        return admin.database();
    }

    /** An administrator URL for {@code database} on this server. */
    DatabaseUrl admin(String database) {
        return withDatabase(admin, database, admin.user(), admin.password().map(p -> p.reveal()).orElse(null));
    }

    /** A URL for {@code role} with {@code password} on {@code database} of this server. */
    DatabaseUrl as(String database, String role, String password) {
        return withDatabase(admin, database, role, password);
    }

    /** Where the server came from: {@code ERP_TEST_DATABASE_URL}, {@code testcontainers} or {@code embedded}. */
    String kind() {
        return kind;
    }

    private static Optional<PostgresServer> fromEnvironment() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(url -> !url.isBlank())
                .map(url -> new PostgresServer(DatabaseUrl.parse(url), URL_VARIABLE));
    }

    private static Optional<PostgresServer> container() {
        if (!dockerAnswers()) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return Optional.of(new PostgresServer(DatabaseUrl.parse("postgresql://" + container.getUsername() + ":"
                + container.getPassword() + "@" + container.getHost() + ":" + container.getFirstMappedPort()
                + "/" + container.getDatabaseName()), "testcontainers"));
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            return new PostgresServer(DatabaseUrl.parse("postgresql://postgres@localhost:" + postgres.getPort()
                    + "/postgres"), "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the temporary data directory goes with the process
        }
    }

    private static DatabaseUrl withDatabase(DatabaseUrl server, String database, String user, String password) {
        String credentials = encode(user) + (password == null ? "" : ":" + encode(password));
        String hosts = server.hosts().stream().map(DatabaseUrl.HostAndPort::toString)
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return DatabaseUrl.parse("postgresql://" + credentials + "@" + hosts + "/" + database);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
