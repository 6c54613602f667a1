package io.erpcore.adapter.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.erpcore.config.DatabaseConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.metrics.Metrics;
import io.erpcore.persistence.DatabaseHealth;
import io.erpcore.persistence.RetryPolicy;
import io.erpcore.persistence.StatementObserver;
import io.erpcore.persistence.TenantBulkhead;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The runtime side of the database, wired: the pool as the runtime role, JDBI over it with
 * statement metrics and slow-query logs, the {@link JdbiRlsExecutor}, and a health probe. Close it
 * to close the pool.
 */
public final class JdbiDatabase implements AutoCloseable {

    private static final String SCHEMA_VERSION = "select version from flyway_schema_history"
            + " where success and version is not null order by installed_rank desc limit 1";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String UNDEFINED_TABLE = "42P01";

    private final HikariDataSource pool;
    private final JdbiRlsExecutor rls;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "erp-database-probe");
        thread.setDaemon(true);
        return thread;
    });

    private JdbiDatabase(HikariDataSource pool, JdbiRlsExecutor rls) {
        this.pool = pool;
        this.rls = rls;
    }

    /**
     * Opens the pool for {@code runtime} and wires JDBI and the executor from {@code config}.
     *
     * @param logEveryStatement {@code DATABASE_LOGGING}: every statement's shape at DEBUG
     * @param registry where pool metrics go, or null
     */
    public static JdbiDatabase open(DatabaseConfig config, DatabaseUrl runtime, String applicationName,
            Metrics metrics, boolean logEveryStatement, MeterRegistry registry) {
        HikariDataSource pool = HikariPools.runtime(config, runtime, applicationName, registry);
        Jdbi jdbi = CaffeineJdbiCaches.install(Jdbi.create(pool).installPlugin(new PostgresPlugin()));
        // JDBI's default messages quote every bound value, e-mails and hashes included; errors reach logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        jdbi.setSqlLogger(ObservingSqlLogger.of(
                StatementObserver.of(metrics, config.slowQueryThreshold(), logEveryStatement)));
        TenantBulkhead bulkhead = TenantBulkhead.of(config.tenantMaxConnections(), config.acquireTimeout());
        return new JdbiDatabase(pool, JdbiRlsExecutor.create(jdbi, bulkhead, RetryPolicy.defaults()));
    }

    /** The executor every tenant and platform query goes through. */
    public JdbiRlsExecutor rls() {
        return rls;
    }

    /** {@link #check()} on a thread of the database's own; a probe never takes longer than {@code timeout}. */
    public DatabaseHealth probe(Duration timeout) {
        long start = System.nanoTime();
        CompletableFuture<DatabaseHealth> check = CompletableFuture.supplyAsync(this::check, probes);
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return DatabaseHealth.down(since(start), poolState(), "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return DatabaseHealth.down(since(start), poolState(), e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DatabaseHealth.down(since(start), poolState(), "interrupted");
        }
    }

    /** Closes the pool: connections in use are closed as they come back. */
    @Override
    public void close() {
        probes.shutdownNow();
        pool.close();
    }

    /**
     * Checks the database now, on the calling thread: takes a pooled connection and reads the
     * version of the newest migration that succeeded (V8 lets the runtime role read it; where it may
     * not, {@code select 1} only). Blocks as long as the pool and the server keep it waiting, up to
     * {@code DATABASE_ACQUIRE_TIMEOUT} for a connection and longer on a server that hangs: callers
     * bound it, as the scheduled health checks of the HTTP adapter do. Never throws.
     */
    public DatabaseHealth check() {
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            Optional<String> version = schemaVersion(connection);
            return DatabaseHealth.up(since(start), poolState(), version);
        } catch (SQLException | RuntimeException e) {
            return DatabaseHealth.down(since(start), poolState(), String.valueOf(e.getMessage()));
        }
    }

    private static Optional<String> schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SCHEMA_VERSION)) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState()) && !UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            // A database migrated before V8, or by other means: its answering is what counts.
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            return Optional.empty();
        }
    }

    private DatabaseHealth.PoolState poolState() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new DatabaseHealth.PoolState(0, 0, 0, 0);
        }
        return new DatabaseHealth.PoolState(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getTotalConnections(), bean.getThreadsAwaitingConnection());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
