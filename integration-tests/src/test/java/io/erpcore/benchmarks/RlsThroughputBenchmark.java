package io.erpcore.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.erpcore.adapter.jdbi.CaffeineJdbiCaches;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.HikariPools;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.ObservingSqlLogger;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.config.DatabaseConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import io.erpcore.persistence.StatementObserver;
import java.time.Duration;
import io.erpcore.persistence.Execution;
import io.erpcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What row-level security costs a read of 20 rows, side by side on one database and one pool size:
 * the scoped read through the runtime role and the executor (single statement, and in a
 * transaction), against the same read by a BYPASSRLS role that filters with
 * {@code where tenant_id = ?} itself and needs no scope. The database comes from the test fixture:
 * set {@code ERP_TEST_DATABASE_URL} to measure against a real server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class RlsThroughputBenchmark {

    private static final int POOL = 4;
    private static final int TENANTS = 20;
    private static final String READ = "select id, email, display_name, status from users";

    private final List<TenantId> tenants = new ArrayList<>();
    private TestDatabase database;
    private String bypassRole;
    private JdbiDatabase scoped;
    private HikariDataSource bypassPool;
    private Jdbi unscoped;
    private HikariDataSource runtimePool;
    private Jdbi runtimeJdbi;
    private Jdbi unscopedObserved;

    @Setup(Level.Trial)
    public void twentyTenantsOfTwentyUsers() throws SQLException {
        database = PostgresFixture.migratedDatabase();
        scoped = Databases.open(database, InMemoryMetricsSink.create(), "DATABASE_MAX_CONNECTIONS", String.valueOf(POOL),
                "DATABASE_TENANT_MAX_CONNECTIONS", String.valueOf(POOL), "DATABASE_SLOW_QUERY_MS", "60000");
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(Tenants.create(scoped.rls(), "bench-" + i, 20));
        }
        bypassRole = database.name() + "_bypass";
        try (Connection admin = database.adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + bypassRole + " LOGIN BYPASSRLS PASSWORD 'bench'");
            sql.execute("GRANT CONNECT ON DATABASE " + database.name() + " TO " + bypassRole);
            sql.execute("GRANT SELECT ON users TO " + bypassRole);
        }
        // Every pool is the product's (HikariPools.runtime: size, timeouts, plan caching), so the
        // reads differ in their role and scoping only.
        DatabaseConfig pools = Databases.config("DATABASE_MAX_CONNECTIONS", String.valueOf(POOL));
        DatabaseUrl server = database.runtime();
        String hosts = server.hosts().stream().map(DatabaseUrl.HostAndPort::toString).collect(Collectors.joining(","));
        DatabaseUrl bypass = DatabaseUrl.parse("postgresql://" + bypassRole + ":bench@" + hosts + "/" + server.database());
        bypassPool = HikariPools.runtime(pools, bypass, "bench-bypass", null);
        unscoped = CaffeineJdbiCaches.install(Jdbi.create(bypassPool));
        runtimePool = HikariPools.runtime(pools, server, "bench-by-hand", null);
        runtimeJdbi = CaffeineJdbiCaches.install(Jdbi.create(runtimePool));
        // The same statement observer as the scoped side, so the comparison isolates what scoping costs.
        unscopedObserved = CaffeineJdbiCaches.install(Jdbi.create(bypassPool));
        unscopedObserved.setSqlLogger(ObservingSqlLogger.of(StatementObserver.of(
                Metrics.create(InMemoryMetricsSink.create(), TenantLabelPolicy.capped(100)), Duration.ofMinutes(1), false)));
    }

    @Benchmark
    public List<String> scopedSingleStatement() {
        return scoped.rls().inTenant(anyTenant(), Execution.singleStatement().idempotent(), handle ->
                handle.createQuery(READ).map((row, context) -> row.getString("email")).list());
    }

    @Benchmark
    public List<String> scopedTransaction() {
        return scoped.rls().inTenant(anyTenant(), Execution.transaction().idempotent(), handle ->
                handle.createQuery(READ).map((row, context) -> row.getString("email")).list());
    }

    @Benchmark
    public List<String> unscopedBypassingRls() {
        return unscoped.withHandle(handle -> handle.createQuery(READ + " where tenant_id = :tenant")
                .bind("tenant", anyTenant().value())
                .map((row, context) -> row.getString("email")).list());
    }

    @Benchmark
    public List<String> unscopedBypassingRlsObserved() {
        return unscopedObserved.withHandle(handle -> handle.createQuery(READ + " where tenant_id = :tenant")
                .bind("tenant", anyTenant().value())
                .map((row, context) -> row.getString("email")).list());
    }

    /**
     * The scoped single-statement read written by hand on a plain JDBI over the runtime role, without
     * the executor, its bulkhead, retry and metrics: the difference to {@link #scopedSingleStatement()}
     * is what the executor costs, the difference to {@link #unscopedBypassingRls()} what the database
     * spends on the scope.
     */
    @Benchmark
    public List<String> scopedByHandWithoutExecutor() {
        TenantId tenant = anyTenant();
        return runtimeJdbi.withHandle(handle -> handle.createQuery("select set_config('app.tenant_id', :tenant, true);\n"
                + READ).bind("tenant", tenant.toString()).addCustomizer(new StatementCustomizer() {
                    @Override
                    public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
                        statement.getMoreResults();
                    }
                }).map((row, context) -> row.getString("email")).list());
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        scoped.close();
        bypassPool.close();
        runtimePool.close();
        // The fixture drops its database and its two roles; this role is the benchmark's own.
        try (Connection admin = database.adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute("REVOKE ALL ON users FROM " + bypassRole);
            sql.execute("REVOKE ALL ON DATABASE " + database.name() + " FROM " + bypassRole);
        }
        PostgresFixture.dropRoleAtExit(bypassRole);
    }

    private TenantId anyTenant() {
        return tenants.get(ThreadLocalRandom.current().nextInt(TENANTS));
    }
}
