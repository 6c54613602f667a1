package io.erpcore.adapter.jdbi;

import io.erpcore.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Single connections outside the pool, for one-off work such as the tenancy lint as the owner role. */
public final class JdbcConnections {

    private JdbcConnections() {
    }

    /** A new connection to {@code url}, with its credentials passed apart from the URL. */
    public static Connection open(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        url.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }
}
