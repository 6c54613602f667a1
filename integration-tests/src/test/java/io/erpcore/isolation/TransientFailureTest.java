package io.erpcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.persistence.TransientDatabaseException;
import io.erpcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A transaction whose server process is terminated under it ({@code pg_terminate_backend}, SQLSTATE
 * 57P01): idempotent work runs again and succeeds, other work surfaces a typed error. Only the
 * test's own backend is terminated, never the server.
 */
class TransientFailureTest {

    private static TestDatabase database;
    private static JdbiDatabase runtime;
    private static TenantId tenant;

    @BeforeAll
    static void tenant() {
        database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
        tenant = Tenants.create(runtime.rls(), "fragile", 2);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void idempotent_work_whose_backend_is_killed_runs_again() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        long users = runtime.rls().inTenant(tenant, Execution.transaction().idempotent(), handle -> {
            if (attempts.incrementAndGet() == 1) {
                terminateOwnBackend(handle);
            }
            return handle.createQuery("select count(*) from users").mapTo(Long.class).one();
        });

        assertThat(users).isEqualTo(2);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void other_work_whose_backend_is_killed_fails_with_a_typed_error() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> runtime.rls().inTenant(tenant, handle -> {
            attempts.incrementAndGet();
            terminateOwnBackend(handle);
            return handle.createUpdate("update users set display_name = 'changed'").execute();
        })).isInstanceOf(TransientDatabaseException.class)
                .satisfies(e -> assertThat(((TransientDatabaseException) e).sqlState()).isIn("57P01", "08006", "08003"));
        assertThat(attempts).hasValue(1);
    }

    /** Kills the server process serving {@code handle}, from an administrator connection. */
    private static void terminateOwnBackend(Handle handle) throws SQLException {
        int pid = handle.createQuery("select pg_backend_pid()").mapTo(Integer.class).one();
        try (Connection admin = database.adminConnection();
                PreparedStatement terminate = admin.prepareStatement("select pg_terminate_backend(?, 5000)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        }
    }
}
