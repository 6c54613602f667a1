package io.erpcore.adapter.jdbi;

import io.erpcore.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A fresh database of the test server with its own owner and runtime roles, as production has
 * them: the owner owns the tables, the runtime role owns nothing and cannot bypass row-level
 * security. Tests that prove isolation connect as {@link #runtime()}: a superuser, and the owner
 * through {@code FORCE}-less tables, would bypass the policies and prove nothing.
 */
public record TestDatabase(String name, String ownerRole, String runtimeRole,
        DatabaseUrl admin, DatabaseUrl owner, DatabaseUrl runtime) {

    /** A plain JDBC connection as the administrator (a superuser) to this database. */
    public Connection adminConnection() throws SQLException {
        return connect(admin);
    }

    /** A plain JDBC connection as the owner role. */
    public Connection ownerConnection() throws SQLException {
        return connect(owner);
    }

    /** A plain JDBC connection as the runtime role. */
    public Connection runtimeConnection() throws SQLException {
        return connect(runtime);
    }

    /** {@code url} as the text of a {@code DATABASE_URL}, password included, for starting a host. */
    public static String text(DatabaseUrl url) {
        String password = url.password().map(secret -> ":" + secret.reveal()).orElse("");
        String hosts = url.hosts().stream().map(DatabaseUrl.HostAndPort::toString).reduce((a, b) -> a + "," + b).orElseThrow();
        return "postgresql://" + url.user() + password + "@" + hosts + "/" + url.database();
    }

    static Connection connect(DatabaseUrl url) throws SQLException {
        return JdbcConnections.open(url);
    }
}
