package io.erpcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.FlywayMigrations;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresProvisioning;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.DatabaseHealth;
import io.erpcore.persistence.Execution;
import io.erpcore.persistence.TransientDatabaseException;
import io.erpcore.tenancy.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The whole server going away mid-transaction. The server is an embedded PostgreSQL this test
 * starts and stops itself, never the machine's service or the shared test server.
 */
class DatabaseOutageTest {

    @Test
    void work_on_a_server_that_dies_mid_transaction_fails_with_a_typed_error_and_the_probe_says_down() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        PostgresProvisioning.provision(server.getPostgresDatabase(), "outage", "outage_owner", "outage_app");
        DatabaseUrl owner = DatabaseUrl.parse("postgresql://outage_owner@localhost:" + server.getPort() + "/outage");
        DatabaseUrl app = DatabaseUrl.parse("postgresql://outage_app@localhost:" + server.getPort() + "/outage");
        FlywayMigrations.migrate(owner, "outage_app");
        try (JdbiDatabase runtime = Databases.open(app, InMemoryMetricsSink.create(), "DATABASE_ACQUIRE_TIMEOUT", "1000")) {
            TenantId tenant = Tenants.create(runtime.rls(), "doomed", 1);
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> runtime.rls().inTenant(tenant, Execution.transaction().idempotent(), handle -> {
                handle.createQuery("select count(*) from users").mapTo(Long.class).one();
                if (attempts.incrementAndGet() == 1) {
                    server.close();
                }
                return handle.createUpdate("update users set display_name = 'after the outage'").execute();
            })).isInstanceOf(TransientDatabaseException.class)
                    .satisfies(e -> {
                        assertThat(((TransientDatabaseException) e).sqlState()).startsWith("08");
                        // Retried after the lost connection (and after a pooled one found dead, if any), then
                        // ended by the pool's timeout, which is not asked again: it was the whole budget.
                        assertThat(((TransientDatabaseException) e).attempts()).as("attempts").isBetween(2, 3);
                    });
            assertThat(attempts).as("later attempts found no server to run the work on").hasValue(1);

            DatabaseHealth health = runtime.probe(Duration.ofSeconds(2));
            assertThat(health.up()).isFalse();
            assertThat(health.problem()).isPresent();
        }
    }
}
