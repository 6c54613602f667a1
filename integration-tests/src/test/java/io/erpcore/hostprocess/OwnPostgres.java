package io.erpcore.hostprocess;

import io.erpcore.adapter.jdbi.PostgresProvisioning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server this test owns, never the machine's shared one: it may be stopped and
 * started again on the same port and data, as a database restart looks to the host. It holds the
 * database {@code erp} with the owner role {@code erp_owner} and the runtime role {@code erp_app}.
 */
final class OwnPostgres implements AutoCloseable {

    static final String DATABASE = "erp";
    static final String OWNER = "erp_owner";
    static final String RUNTIME = "erp_app";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private OwnPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A server on a free port with its data in {@code dataDirectory}, not started yet. */
    static OwnPostgres on(Path dataDirectory) {
        return new OwnPostgres(dataDirectory, freePort());
    }

    /** Starts the server (creating its data and the roles on the first start). */
    OwnPostgres start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            PostgresProvisioning.provision(server.getPostgresDatabase(), DATABASE, OWNER, RUNTIME);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (fast shutdown: connections are closed, as in a real restart). */
    void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server lets the owner role open a session now (waiting at most a second or two). */
    boolean acceptsSessions() {
        Properties properties = new Properties();
        properties.setProperty("user", OWNER);
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("socketTimeout", "2");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                properties)) {
            return connection.isValid(2);
        } catch (SQLException notNow) {
            return false;
        }
    }

    String runtimeUrl() {
        return url(RUNTIME);
    }

    String ownerUrl() {
        return url(OWNER);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private String url(String role) {
        return "postgresql://" + role + "@127.0.0.1:" + port + "/" + DATABASE;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
