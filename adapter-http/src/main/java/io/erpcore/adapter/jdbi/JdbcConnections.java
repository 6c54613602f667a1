package io.erpcore.adapter.jdbi;

import io.erpcore.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** Single connections outside the pool, for one-off work such as the tenancy lint as the owner role. */
public final class JdbcConnections {

    private JdbcConnections() {
    }

    /** A new connection to {@code url}, with its credentials passed apart from the URL. */
    public static Connection open(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), credentials(url));
    }

    /**
     * A new connection to {@code url} whose connecting and signing in give up after
     * {@code timeout} (whole seconds, at least one) unless the URL sets its own
     * {@code connect_timeout}: for a caller that retries on its own schedule.
     */
    public static Connection open(DatabaseUrl url, Duration timeout) throws SQLException {
        Properties properties = credentials(url);
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    private static Properties credentials(DatabaseUrl url) {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        url.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return properties;
    }
}
