package io.erpcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scope is transaction-local: pooled connections never carry one tenant's scope into the next use. */
class PooledConnectionIsolationTest {

    private static final int TENANTS = 6;

    private static TestDatabase database;
    private static final List<TenantId> tenants = new ArrayList<>();

    @BeforeAll
    static void tenants() {
        database = PostgresFixture.migratedDatabase();
        try (JdbiDatabase setup = Databases.open(database, InMemoryMetricsSink.create())) {
            for (int i = 0; i < TENANTS; i++) {
                tenants.add(Tenants.create(setup.rls(), "tenant-" + i, 3));
            }
        }
    }

    @AfterAll
    static void forget() {
        tenants.clear();
    }

    @Test
    void after_a_tenants_transaction_the_same_pooled_connection_carries_no_tenant() {
        try (JdbiDatabase oneConnection = Databases.open(database, InMemoryMetricsSink.create(),
                "DATABASE_MAX_CONNECTIONS", "1")) {
            int backend = oneConnection.rls().inTenant(tenants.get(0), handle ->
                    handle.createQuery("select pg_backend_pid()").mapTo(Integer.class).one());

            List<Object> after = oneConnection.rls().inPlatformScope(Execution.singleStatement(), handle -> handle
                    .createQuery("select pg_backend_pid() as pid, current_setting('app.tenant_id', true) as tenant, "
                            + "(select count(*) from users) as users")
                    .map((row, context) -> List.<Object>of(row.getInt("pid"), String.valueOf(row.getString("tenant")),
                            row.getLong("users")))
                    .one());

            assertThat(after.get(0)).as("the same pooled connection").isEqualTo(backend);
            assertThat(after.get(1)).isIn("", "null");
            assertThat(after.get(2)).isEqualTo(0L);
        }
    }

    @Test
    void eight_threads_of_random_tenants_over_four_connections_never_see_a_foreign_row() throws Exception {
        AtomicLong foreignRows = new AtomicLong();
        AtomicLong transactions = new AtomicLong();
        try (JdbiDatabase fourConnections = Databases.open(database, InMemoryMetricsSink.create(),
                "DATABASE_MAX_CONNECTIONS", "4", "DATABASE_TENANT_MAX_CONNECTIONS", "4")) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        TenantId tenant = tenants.get(ThreadLocalRandom.current().nextInt(TENANTS));
                        Execution execution = i % 2 == 0 ? Execution.transaction() : Execution.singleStatement();
                        List<UUID> owners = fourConnections.rls().inTenant(tenant, execution, handle ->
                                handle.createQuery("select tenant_id from users").mapTo(UUID.class).list());
                        foreignRows.addAndGet(owners.stream().filter(owner -> !owner.equals(tenant.value())).count());
                        transactions.incrementAndGet();
                        if (owners.size() != 3) {
                            throw new AssertionError("tenant " + tenant + " saw " + owners.size() + " users, not 3");
                        }
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
            threads.shutdown();
        }

        assertThat(transactions.get()).isEqualTo(8_000);
        assertThat(foreignRows.get()).isZero();
    }
}
