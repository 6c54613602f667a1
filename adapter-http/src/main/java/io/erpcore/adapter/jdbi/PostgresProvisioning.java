package io.erpcore.adapter.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What a DBA does once for ERP Core, as code for the embedded default and the test fixture: an
 * owner role that owns the database and runs migrations, a runtime role that owns nothing and
 * cannot bypass row-level security, and the database itself. Idempotent: existing roles and
 * databases are kept. Needs an administrator connection.
 */
public final class PostgresProvisioning {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresProvisioning() {
    }

    /** Creates the roles and the database if they are missing; names are lower-case identifiers. */
    public static void provision(DataSource admin, String database, String ownerRole, String runtimeRole)
            throws SQLException {
        requireName(database);
        requireName(ownerRole);
        requireName(runtimeRole);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            createRole(connection, statement, ownerRole);
            createRole(connection, statement, runtimeRole);
            statement.execute("ALTER ROLE " + runtimeRole + " SET statement_timeout = '30s'");
            statement.execute("ALTER ROLE " + runtimeRole + " SET lock_timeout = '10s'");
            statement.execute("ALTER ROLE " + runtimeRole + " SET idle_in_transaction_session_timeout = '60s'");
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + ownerRole);
            }
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + runtimeRole);
        }
    }

    private static void createRole(Connection connection, Statement statement, String role) throws SQLException {
        if (!exists(connection, "select 1 from pg_roles where rolname = ?", role)) {
            statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement lookup = connection.prepareStatement(query)) {
            lookup.setString(1, name);
            try (ResultSet found = lookup.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' must be a lower-case identifier: letters, digits and '_'");
        }
    }
}
