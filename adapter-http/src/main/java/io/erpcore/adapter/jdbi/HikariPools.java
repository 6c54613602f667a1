package io.erpcore.adapter.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.util.DriverDataSource;
import io.erpcore.config.DatabaseConfig;
import io.erpcore.config.DatabaseUrl;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;

/** The runtime role's connection pool, configured from {@code DATABASE_*}. */
public final class HikariPools {

    private HikariPools() {
    }

    /**
     * A pool for {@code url} sized and timed by {@code database}. Every connection starts with
     * {@code statement_timeout}, {@code lock_timeout} and {@code idle_in_transaction_session_timeout}
     * set to {@code DATABASE_TIMEOUT}, so no wait on the server outlasts a statement's budget, plans
     * each prepared statement once ({@code plan_cache_mode=force_generic_plan}, see
     * {@link #serverSettings}), and carries {@code applicationName} for {@code pg_stat_activity}.
     * A URL with {@code options} of its own replaces all of these settings. New connections come through a
     * {@link PatientDataSource}, so the pool reconnects within a tenth of a second of a server's
     * return from an outage. Pool metrics ({@code hikaricp_connections_*}) go to {@code registry}
     * when it is not null.
     */
    public static HikariDataSource runtime(DatabaseConfig database, DatabaseUrl url, String applicationName,
            MeterRegistry registry) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", applicationName);
        // The server's detail quotes the offending row ("Key (email)=(bob@example.com) exists"); keep it out of messages.
        properties.setProperty("logServerErrorDetail", "false");
        if (!url.parameters().containsKey("options")) {
            properties.setProperty("options", serverSettings(database.statementTimeout()));
        }
        PatientDataSource connections = new PatientDataSource(new DriverDataSource(url.jdbcUrl(), null, properties,
                url.user(), url.password().map(password -> password.reveal()).orElse(null)), PatientDataSource.PATIENCE);
        HikariConfig config = new HikariConfig();
        config.setPoolName("erp-runtime");
        config.setDataSource(connections);
        config.setMaximumPoolSize(database.maxConnections());
        config.setMinimumIdle(Math.min(database.minIdle(), database.maxConnections()));
        config.setConnectionTimeout(database.acquireTimeout().toMillis());
        config.setIdleTimeout(database.idleTimeout().toMillis());
        config.setMaxLifetime(database.maxLifetime().toMillis());
        config.setLeakDetectionThreshold(database.leakDetectionThreshold().toMillis());
        if (registry != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        return new HikariDataSource(config) {
            @Override
            public void close() {
                connections.stopWaiting();
                super.close();
            }
        };
    }

    /**
     * The startup options: every wait on the server bounded by {@code timeout}, and generic plans.
     * PostgreSQL otherwise plans a prepared statement again on every execution whenever its generic
     * plan looks dearer than a custom one, which a bound {@code LIMIT} alone brings about (the
     * generic plan assumes a tenth of the rows). Under row-level security the tenant is never a
     * parameter, so a custom plan is the generic plan planned again: measured on a 20-row page,
     * 79 µs of database CPU per read with replanning and 44 µs without.
     */
    static String serverSettings(Duration timeout) {
        long millis = timeout.toMillis();
        return "-c statement_timeout=" + millis + " -c lock_timeout=" + millis
                + " -c idle_in_transaction_session_timeout=" + millis + " -c plan_cache_mode=force_generic_plan";
    }
}
