package io.erpcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.TenantBusyException;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One tenant holding its whole share of the pool leaves the rest of the pool to the others. */
class TenantBulkheadIsolationTest {

    @Test
    void a_tenant_over_its_share_is_told_it_is_busy_while_another_tenant_still_gets_connections() throws Exception {
        TestDatabase database = PostgresFixture.migratedDatabase();
        try (JdbiDatabase runtime = Databases.open(database, InMemoryMetricsSink.create(), "DATABASE_MAX_CONNECTIONS", "4",
                "DATABASE_TENANT_MAX_CONNECTIONS", "2", "DATABASE_ACQUIRE_TIMEOUT", "500")) {
            TenantId greedy = Tenants.create(runtime.rls(), "greedy", 1);
            TenantId modest = Tenants.create(runtime.rls(), "modest", 1);
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 2; i++) {
                threads.submit(() -> runtime.rls().inTenant(greedy, handle -> {
                    handle.createQuery("select count(*) from users").mapTo(Long.class).one();
                    holding.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                }));
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("the greedy tenant holds both of its slots").isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> runtime.rls().inTenant(greedy, handle ->
                    handle.createQuery("select 1").mapTo(Integer.class).one()))
                    .isInstanceOf(TenantBusyException.class)
                    .satisfies(e -> assertThat(((TenantBusyException) e).retryAfter()).isPositive());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));

            long modestUsers = runtime.rls().inTenant(modest, handle ->
                    handle.createQuery("select count(*) from users").mapTo(Long.class).one());
            assertThat(modestUsers).isEqualTo(1);

            release.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
