package io.erpcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Forced row-level security, proven in SQL through the runtime role, the role the application
 * uses: no scope shows nothing and accepts nothing, and one tenant's scope can neither read nor
 * change another tenant's rows, whatever the statement says.
 */
class RowLevelSecurityTest {

    private static TestDatabase database;
    private static JdbiDatabase runtime;
    private static TenantId acme;
    private static TenantId globex;

    @BeforeAll
    static void twoTenantsWithRowsInEveryTable() {
        database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
        acme = Tenants.create(runtime.rls(), "acme", 2);
        globex = Tenants.create(runtime.rls(), "globex", 2);
        Tenants.fillEveryTable(runtime.rls(), acme);
        Tenants.fillEveryTable(runtime.rls(), globex);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenants", "users", "refresh_tokens", "api_keys", "audit_events"})
    void without_a_scope_every_table_shows_no_rows(String table) throws SQLException {
        try (Connection connection = database.runtimeConnection()) {
            assertThat(count(connection, "select count(*) from " + table)).isZero();
        }
    }

    @Test
    void without_a_scope_an_insert_is_refused() throws SQLException {
        try (Connection connection = database.runtimeConnection();
                PreparedStatement insert = connection.prepareStatement("insert into users "
                        + "(tenant_id, id, email, display_name, password_hash) values (?, gen_random_uuid(), 'x@example.com', 'X', 'h')")) {
            insert.setObject(1, acme.value());
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void a_tenant_cannot_read_another_tenants_rows_even_by_naming_them() {
        long visible = runtime.rls().inTenant(acme, handle -> handle
                .createQuery("select count(*) from users where tenant_id = :other").bind("other", globex.value())
                .mapTo(Long.class).one());

        assertThat(visible).isZero();
    }

    @Test
    void a_tenant_cannot_update_another_tenants_rows() {
        int updated = runtime.rls().inTenant(acme, handle -> handle
                .createUpdate("update users set display_name = 'taken' where tenant_id = :other")
                .bind("other", globex.value()).execute());

        assertThat(updated).isZero();
        assertThat(displayNamesOf(globex)).doesNotContain("taken");
    }

    @Test
    void a_tenant_cannot_delete_another_tenants_rows() {
        int deleted = runtime.rls().inTenant(acme, handle -> handle
                .createUpdate("delete from api_keys where tenant_id = :other").bind("other", globex.value()).execute());

        long globexKeys = runtime.rls().inTenant(globex, handle ->
                handle.createQuery("select count(*) from api_keys").mapTo(Long.class).one());
        assertThat(deleted).isZero();
        assertThat(globexKeys).isEqualTo(1);
    }

    @Test
    void a_tenant_cannot_insert_a_row_for_another_tenant() {
        assertThatThrownBy(() -> runtime.rls().inTenant(acme, handle -> handle
                .createUpdate("insert into users (tenant_id, id, email, display_name, password_hash) "
                        + "values (:other, :id, 'intruder@example.com', 'Intruder', 'h')")
                .bind("other", globex.value()).bind("id", UUID.randomUUID()).execute()))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    void a_tenant_cannot_move_its_rows_to_another_tenant() {
        assertThatThrownBy(() -> runtime.rls().inTenant(acme, handle -> handle
                .createUpdate("update users set tenant_id = :other").bind("other", globex.value()).execute()))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    void a_tenant_sees_only_its_own_tenant_row() {
        long tenants = runtime.rls().inTenant(acme, handle ->
                handle.createQuery("select count(*) from tenants").mapTo(Long.class).one());

        assertThat(tenants).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alter table users disable row level security",
        "alter table users no force row level security",
        "drop policy users_tenant_isolation on users",
        "create policy open_door on users using (true)"})
    void the_runtime_role_cannot_switch_the_policies_off(String statement) throws SQLException {
        try (Connection connection = database.runtimeConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void the_runtime_role_cannot_bypass_the_policies_with_row_security_off() throws SQLException {
        try (Connection connection = database.runtimeConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set row_security = off");
            assertThatThrownBy(() -> sql.executeQuery("select * from users")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void the_runtime_role_cannot_become_the_owner() throws SQLException {
        try (Connection connection = database.runtimeConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("set role " + database.ownerRole())).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void the_runtime_role_cannot_change_the_audit_trail() throws SQLException {
        try (Connection connection = database.runtimeConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("update audit_events set action = 'x'")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> sql.execute("delete from audit_events")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    private static java.util.List<String> displayNamesOf(TenantId tenant) {
        return runtime.rls().inTenant(tenant, handle ->
                handle.createQuery("select display_name from users").mapTo(String.class).list());
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
