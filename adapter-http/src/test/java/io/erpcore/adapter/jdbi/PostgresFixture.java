package io.erpcore.adapter.jdbi;

import io.erpcore.config.DatabaseUrl;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh databases for tests, on the server of {@link PostgresServer}: each with an owner and a
 * runtime role of its own, created the way {@link PostgresProvisioning} creates them, optionally
 * migrated. Databases made on a shared server (ERP_TEST_DATABASE_URL) are dropped, with their
 * roles, when the JVM exits.
 */
public final class PostgresFixture {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<TestDatabase> CREATED = new CopyOnWriteArrayList<>();
    private static final List<String> EXTRA_ROLES = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresFixture::dropAll, "erp-test-database-cleanup"));
    }

    private PostgresFixture() {
    }

    /** A new database with the two roles and every migration applied. */
    public static TestDatabase migratedDatabase() {
        TestDatabase database = emptyDatabase();
        FlywayMigrations.migrate(database.owner(), database.runtimeRole());
        return database;
    }

    /** A new database with the two roles and nothing in it. */
    public static TestDatabase emptyDatabase() {
        PostgresServer server = PostgresServer.shared();
        String name = "erp_t" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        String ownerPassword = password();
        String runtimePassword = password();
        try {
            PostgresProvisioning.provision(new SingleConnectionDataSource(server.admin(server.adminDatabase())),
                    name, name + "_owner", name + "_app");
            setPasswords(server, name, ownerPassword, runtimePassword);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on the " + server.kind()
                    + " server: " + e.getMessage(), e);
        }
        TestDatabase database = new TestDatabase(name, name + "_owner", name + "_app", server.admin(name),
                server.as(name, name + "_owner", ownerPassword), server.as(name, name + "_app", runtimePassword));
        CREATED.add(database);
        return database;
    }

    /** Drops {@code role}, which a test created on the shared server, when the JVM exits. */
    public static void dropRoleAtExit(String role) {
        EXTRA_ROLES.add(role);
    }

    private static void setPasswords(PostgresServer server, String name, String owner, String runtime) throws SQLException {
        try (Connection connection = TestDatabase.connect(server.admin(server.adminDatabase()));
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + name + "_owner PASSWORD '" + owner + "'");
            statement.execute("ALTER ROLE " + name + "_app PASSWORD '" + runtime + "'");
        }
    }

    // Hex only, so it can be written into ALTER ROLE as a literal.
    private static String password() {
        return HexFormat.of().formatHex(RANDOM.generateSeed(16));
    }

    private static void dropAll() {
        if (CREATED.isEmpty() || !PostgresServer.URL_VARIABLE.equals(PostgresServer.shared().kind())) {
            return;
        }
        PostgresServer server = PostgresServer.shared();
        try (Connection connection = TestDatabase.connect(server.admin(server.adminDatabase()));
                Statement statement = connection.createStatement()) {
            for (TestDatabase database : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + database.ownerRole());
                statement.execute("DROP ROLE IF EXISTS " + database.runtimeRole());
            }
            for (String role : EXTRA_ROLES) {
                statement.execute("DROP ROLE IF EXISTS " + role);
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases: " + e.getMessage());
        }
    }
}
