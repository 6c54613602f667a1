package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.TransientFailures;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the runtime pool gets new connections: the driver, asked again every {@link #RETRY_EVERY}
 * for up to {@link #PATIENCE} while the server refuses connections or is starting (a transient
 * SQLSTATE), rather than failing at once. HikariCP's connection adder sleeps between failed
 * attempts, doubling from 10 ms to 5 s, so with a driver that fails at once a server back from an
 * outage of some seconds waited up to 5 s for the pool to try again; with the attempt itself
 * watching, the pool connects within {@link #RETRY_EVERY} of the server's return. Other failures (a
 * wrong password, a missing database) are thrown at once. Requests never wait here: they wait for
 * the pool, up to {@code DATABASE_ACQUIRE_TIMEOUT}. {@link #stopWaiting()} ends every wait, so a
 * pool closing during an outage does not wait for its adder.
 */
final class PatientDataSource implements DataSource {

    static final Duration RETRY_EVERY = Duration.ofMillis(100);
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DataSource driver;
    private final Duration patience;
    private volatile boolean stopped;

    PatientDataSource(DataSource driver, Duration patience) {
        this.driver = driver;
        this.patience = patience;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return driver.getConnection();
            } catch (SQLException failure) {
                if (stopped || !TransientFailures.isTransient(failure.getSQLState()) || System.nanoTime() - deadline >= 0) {
                    throw failure;
                }
                pause(failure);
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the runtime pool connects with the credentials of DATABASE_URL");
    }

    /** Ends every wait for the server now and from now on; the next failure is thrown at once. */
    void stopWaiting() {
        stopped = true;
    }

    private static void pause(SQLException failure) throws SQLException {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
