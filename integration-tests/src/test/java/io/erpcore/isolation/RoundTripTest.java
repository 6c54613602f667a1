package io.erpcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a scope costs on the wire, counted from the protocol itself by a proxy: a single-statement
 * scoped read is one round trip, the same as an unscoped read; in a transaction, the scope rides
 * on the first statement and the commit is the only other round trip.
 */
class RoundTripTest {

    private static final int READS = 200;
    private static final int WARM_UP = 20;

    private static PgWireProxy proxy;
    private static JdbiDatabase runtime;
    private static TenantId tenant;

    @BeforeAll
    static void throughTheProxy() throws Exception {
        TestDatabase database = PostgresFixture.migratedDatabase();
        DatabaseUrl.HostAndPort server = database.runtime().hosts().get(0);
        proxy = PgWireProxy.to(server.host(), server.port());
        String password = database.runtime().password().map(p -> ":" + p.reveal()).orElse("");
        DatabaseUrl viaProxy = DatabaseUrl.parse("postgresql://" + database.runtimeRole() + password
                + "@127.0.0.1:" + proxy.port() + "/" + database.name() + "?sslmode=disable");
        runtime = Databases.open(viaProxy, InMemoryMetricsSink.create(), "DATABASE_MAX_CONNECTIONS", "2");
        tenant = Tenants.create(runtime.rls(), "counted", 20);
    }

    @AfterAll
    static void close() throws Exception {
        runtime.close();
        proxy.close();
    }

    @Test
    void a_single_statement_scoped_read_is_one_round_trip() {
        double perRead = roundTripsPerRead(Execution.singleStatement().idempotent());

        assertThat(perRead).isEqualTo(1.0);
    }

    @Test
    void a_scoped_read_in_a_transaction_is_the_read_plus_the_commit() {
        double perRead = roundTripsPerRead(Execution.transaction());

        assertThat(perRead).isEqualTo(2.0);
    }

    private static double roundTripsPerRead(Execution execution) {
        // Past the driver's prepareThreshold (5) on every pooled connection before counting, so
        // that switching a statement to a server-prepared one happens outside the counted reads.
        for (int i = 0; i < WARM_UP; i++) {
            readTwentyRows(execution);
        }
        long before = proxy.roundTrips();
        for (int i = 0; i < READS; i++) {
            assertThat(readTwentyRows(execution)).hasSize(20);
        }
        double perRead = (double) (proxy.roundTrips() - before) / READS;
        System.out.printf("%s: %.2f round trips per scoped read of 20 rows%n", execution, perRead);
        return perRead;
    }

    private static List<String> readTwentyRows(Execution execution) {
        return runtime.rls().inTenant(tenant, execution, handle ->
                handle.createQuery("select email from users order by email").mapTo(String.class).list());
    }
}
