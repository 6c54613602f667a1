package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The executor against real PostgreSQL, connected as the runtime role. */
class JdbiRlsExecutorTest {

    private static TestDatabase database;
    private static JdbiDatabase runtime;
    private static TenantId acme;
    private static TenantId globex;

    @BeforeAll
    static void twoTenants() {
        database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
        acme = Tenants.create(runtime.rls(), "acme", 3);
        globex = Tenants.create(runtime.rls(), "globex", 2);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void a_tenant_sees_only_its_own_users() {
        List<String> emails = runtime.rls().inTenant(acme, handle ->
                handle.createQuery("select email from users order by email").mapTo(String.class).list());

        assertThat(emails).containsExactly("acme-0@example.com", "acme-1@example.com", "acme-2@example.com");
    }

    @Test
    void a_single_statement_read_is_scoped_too() {
        long count = runtime.rls().inTenant(globex, Execution.singleStatement(), handle ->
                handle.createQuery("select count(*) from users").mapTo(Long.class).one());

        assertThat(count).isEqualTo(2);
    }

    @Test
    void single_statement_work_refuses_a_second_statement() {
        assertThatThrownBy(() -> runtime.rls().inTenant(acme, Execution.singleStatement(), handle -> {
            handle.createQuery("select 1").mapTo(Integer.class).one();
            return handle.createQuery("select count(*) from users").mapTo(Long.class).one();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("second statement");
    }

    @Test
    void updates_count_only_the_tenants_rows() {
        int updated = runtime.rls().inTenant(acme, handle ->
                handle.createUpdate("update users set display_name = display_name").execute());

        assertThat(updated).isEqualTo(3);
    }

    @Test
    void the_platform_scope_sees_every_tenant_and_no_users() {
        List<String> slugs = runtime.rls().inPlatformScope(Execution.singleStatement(), handle ->
                handle.createQuery("select slug from tenants order by slug").mapTo(String.class).list());
        long users = runtime.rls().inPlatformScope(Execution.singleStatement(), handle ->
                handle.createQuery("select count(*) from users").mapTo(Long.class).one());

        assertThat(slugs).containsExactly("acme", "globex");
        assertThat(users).isZero();
    }

    @Test
    void work_with_named_parameters_binds_them_beside_the_scopes_tenant() {
        long count = runtime.rls().inTenant(acme, Execution.singleStatement(), handle ->
                handle.createQuery("select count(*) from users where email like :pattern")
                        .bind("pattern", "acme-%").mapTo(Long.class).one());

        assertThat(count).isEqualTo(3);
    }

    @Test
    void work_with_positional_parameters_is_scoped_too() {
        long count = runtime.rls().inTenant(globex, Execution.singleStatement(), handle ->
                handle.createQuery("select count(*) from users where email like ?")
                        .bind(0, "%@example.com").mapTo(Long.class).one());

        assertThat(count).isEqualTo(2);
    }

    @Test
    void every_tenant_shares_one_prepared_scope_statement_per_connection() {
        for (int round = 0; round < 6; round++) {
            for (TenantId tenant : List.of(acme, globex)) {
                runtime.rls().inTenant(tenant, Execution.singleStatement(), handle ->
                        handle.createQuery("select count(*) from users").mapTo(Long.class).one());
            }
        }
        List<String> prepared = runtime.rls().inTenant(acme, Execution.singleStatement(), handle ->
                handle.createQuery("select statement from pg_prepared_statements where statement like '%set_config%'")
                        .mapTo(String.class).list());

        // (Work with positional parameters, as in the test above for globex, writes its tenant as a literal.)
        assertThat(prepared).anySatisfy(statement -> assertThat(statement).contains("'app.tenant_id', $1"))
                .noneSatisfy(statement -> assertThat(statement).contains(acme.toString()));
    }

    @Test
    void pooled_connections_plan_each_prepared_statement_once() {
        String mode = runtime.rls().inTenant(acme, Execution.singleStatement(), handle ->
                handle.createQuery("select current_setting('plan_cache_mode')").mapTo(String.class).one());

        assertThat(mode).isEqualTo("force_generic_plan");
    }
}
