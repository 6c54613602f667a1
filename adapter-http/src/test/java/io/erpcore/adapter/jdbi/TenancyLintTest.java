package io.erpcore.adapter.jdbi;

import static io.erpcore.persistence.LintFinding.Severity.ERROR;
import static io.erpcore.persistence.LintFinding.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.erpcore.persistence.LintFinding;
import io.erpcore.persistence.LintReport;
import io.erpcore.persistence.TenancyLint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tenancy lint against real PostgreSQL: the migrated schema passes, and each check catches the
 * object that breaks it, built on a freshly migrated database of its own. The lint connects as the
 * owner, as the host runs it after the migrations.
 */
class TenancyLintTest {

    private static final String TENANT = "(select nullif(current_setting('app.tenant_id', true), '')::uuid)";

    private TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = PostgresFixture.migratedDatabase();
    }

    @Test
    void the_migrated_schema_passes() throws SQLException {
        LintReport report = lint();

        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.errors()).as(report.describe()).isEmpty();
    }

    @Test
    void the_migrated_schema_draws_no_warning_either() throws SQLException {
        LintReport report = lint();

        assertThat(report.findings()).as(report.describe()).isEmpty();
        assertThat(report.describe()).isEqualTo("no findings");
    }

    @Test
    void the_lint_runs_in_a_read_only_transaction() throws SQLException {
        asOwner("create table invoices (tenant_id uuid, id uuid, primary key (tenant_id, id))");
        try (Connection connection = database.ownerConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);

            LintReport report = TenancyLint.forRuntimeRole(database.runtimeRole()).check(connection);

            assertThat(report.passed()).isFalse();
            connection.rollback();
        }
    }

    @Test
    void the_report_describes_each_finding_on_one_line() throws SQLException {
        asOwner("create table invoices (tenant_id uuid, id uuid, primary key (tenant_id, id))");
        asOwner("create table orders (tenant_id uuid, id uuid, primary key (tenant_id, id))");

        LintReport report = lint();

        assertThat(report.describe().lines()).containsExactly(
                report.findings().get(0).describe(), report.findings().get(1).describe());
        assertThat(report.findings().get(0).describe()).startsWith("ERROR RLS_DISABLED public.invoices: ")
                .contains(" Fix: ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;");
    }

    @Test
    void the_lint_checks_the_schema_it_is_given() throws SQLException {
        asOwner("create schema billing; create table billing.invoices (tenant_id uuid, id uuid, primary key (tenant_id, id))");

        LintReport billing = lint(TenancyLint.forRuntimeRole(database.runtimeRole()).inSchema("billing"));

        assertFindings(billing).containsExactly(tuple(ERROR, "RLS_DISABLED", "billing.invoices"));
        assertFindings(lint()).isEmpty();
    }

    @Test
    void a_missing_schema_is_an_error_and_its_name_is_never_sql() throws SQLException {
        LintReport report = lint(TenancyLint.forRuntimeRole(database.runtimeRole()).inSchema("x'; drop table users; --"));

        assertFindings(report).containsExactly(tuple(ERROR, "SCHEMA_MISSING", "schema x'; drop table users; --"));
    }

    @Test
    void a_missing_runtime_role_is_an_error() throws SQLException {
        LintReport report = lint(TenancyLint.forRuntimeRole(database.runtimeRole() + "_typo"));

        assertFindings(report).containsExactly(tuple(ERROR, "RUNTIME_ROLE_MISSING", "role " + database.runtimeRole() + "_typo"));
    }

    @Nested
    class RowLevelSecurity {

        @Test
        void a_tenant_table_without_row_level_security_is_an_error() throws SQLException {
            asOwner("create table invoices (tenant_id uuid, id uuid, primary key (tenant_id, id))");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RLS_DISABLED", "public.invoices"));
        }

        @Test
        void the_tenants_table_without_row_level_security_is_an_error() throws SQLException {
            asOwner("alter table tenants disable row level security");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RLS_DISABLED", "public.tenants"));
        }

        @Test
        void row_level_security_that_is_not_forced_is_an_error() throws SQLException {
            asOwner(compliantTable("invoices") + "alter table invoices no force row level security;");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RLS_NOT_FORCED", "public.invoices"));
        }

        @Test
        void a_partition_without_forced_row_level_security_is_named() throws SQLException {
            asOwner(compliantTable("invoices", "partition by hash (tenant_id)")
                    + "create table invoices_0 partition of invoices for values with (modulus 2, remainder 0);"
                    + "create table invoices_1 partition of invoices for values with (modulus 2, remainder 1);"
                    + "alter table invoices_0 enable row level security; alter table invoices_0 force row level security;"
                    + "alter table invoices_1 enable row level security;");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RLS_NOT_FORCED", "public.invoices_1"));
        }

        @Test
        void a_partition_in_another_schema_is_checked_with_its_parent() throws SQLException {
            asOwner(compliantTable("invoices", "partition by hash (tenant_id)")
                    + "create schema archive;"
                    + "create table archive.invoices_0 partition of invoices for values with (modulus 1, remainder 0);");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RLS_DISABLED", "archive.invoices_0"));
        }

        @Test
        void row_level_security_without_a_policy_is_only_a_warning() throws SQLException {
            asOwner("create table invoices (tenant_id uuid, id uuid, primary key (tenant_id, id));"
                    + "alter table invoices enable row level security; alter table invoices force row level security;");

            LintReport report = lint();

            assertFindings(report).containsExactly(tuple(WARNING, "NO_POLICY", "public.invoices"));
            assertThat(report.passed()).isTrue();
        }
    }

    @Nested
    class Policies {

        @Test
        void a_policy_using_true_is_not_tenant_scoped() throws SQLException {
            asOwner("create policy everyone on users using (true)");

            assertFindings(lint()).containsExactly(tuple(ERROR, "POLICY_NOT_TENANT_SCOPED", "public.users (policy everyone)"));
        }

        @Test
        void a_with_check_that_admits_any_tenant_is_not_tenant_scoped() throws SQLException {
            asOwner("create policy any_insert on users for insert with check (true)");

            LintFinding finding = lint().findings().get(0);

            assertThat(finding.object()).isEqualTo("public.users (policy any_insert)");
            assertThat(finding.fix()).startsWith("ALTER POLICY any_insert ON public.users WITH CHECK (tenant_id = ");
        }

        @Test
        void a_policy_that_reads_the_setting_without_nullif_is_not_tenant_scoped() throws SQLException {
            asOwner("create policy strict on users using (tenant_id = current_setting('app.tenant_id')::uuid)");

            assertFindings(lint()).containsExactly(tuple(ERROR, "POLICY_NOT_TENANT_SCOPED", "public.users (policy strict)"));
        }

        @Test
        void the_platform_scope_is_accepted_on_tenants_only() throws SQLException {
            asOwner("create policy platform on users using ((select coalesce(nullif(current_setting('app.platform', true), ''), 'off') = 'on'))");

            assertFindings(lint()).containsExactly(tuple(ERROR, "POLICY_NOT_TENANT_SCOPED", "public.users (policy platform)"));
        }

        @Test
        void a_restrictive_policy_may_narrow_without_naming_the_tenant() throws SQLException {
            asOwner("create policy only_active on users as restrictive using (status = 'active')");

            assertFindings(lint()).isEmpty();
        }
    }

    @Nested
    class RuntimeRole {

        @Test
        void a_superuser_runtime_role_is_an_error() throws SQLException {
            asAdmin("alter role " + database.runtimeRole() + " superuser");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RUNTIME_ROLE_SUPERUSER", "role " + database.runtimeRole()));
        }

        @Test
        void a_runtime_role_with_bypassrls_is_an_error() throws SQLException {
            asAdmin("alter role " + database.runtimeRole() + " bypassrls");

            assertFindings(lint()).containsExactly(tuple(ERROR, "RUNTIME_ROLE_BYPASSRLS", "role " + database.runtimeRole()));
        }

        @Test
        void a_runtime_role_that_owns_a_table_is_an_error() throws SQLException {
            asAdmin("alter table users owner to " + database.runtimeRole());

            LintReport report = lint();

            assertFindings(report).containsExactly(tuple(ERROR, "RUNTIME_ROLE_OWNS_TABLE", "public.users"));
            assertThat(report.findings().get(0).fix()).startsWith("ALTER TABLE public.users OWNER TO " + database.ownerRole() + ";");
        }

        @Test
        void a_runtime_role_that_is_a_member_of_the_owner_role_is_an_error() throws SQLException {
            asAdmin("grant " + database.ownerRole() + " to " + database.runtimeRole());

            LintReport report = lint();

            assertFindings(report).containsExactly(tuple(ERROR, "RUNTIME_ROLE_IS_OWNER_ROLE", "role " + database.runtimeRole()));
            assertThat(report.findings().get(0).fix())
                    .startsWith("REVOKE " + database.ownerRole() + " FROM " + database.runtimeRole() + ";")
                    .contains("CREATE ROLE erp_app LOGIN", "DATABASE_URL", "DATABASE_MIGRATION_URL as " + database.ownerRole());
        }

        @Test
        void one_role_for_both_runtime_and_migrations_is_told_how_to_split_them() throws SQLException {
            LintReport report = lint(TenancyLint.forRuntimeRole(database.ownerRole()));

            assertThat(report.errors()).extracting(LintFinding::check, LintFinding::object)
                    .containsExactly(tuple("RUNTIME_ROLE_IS_OWNER_ROLE", "role " + database.ownerRole()));
            assertThat(report.errors().get(0).problem()).contains("owns database " + database.name());
            assertThat(report.errors().get(0).fix()).contains("CREATE ROLE erp_app LOGIN",
                    "set DATABASE_URL to connect as erp_app", "DATABASE_MIGRATION_URL as " + database.ownerRole());
        }

        @Test
        void a_runtime_role_without_a_statement_timeout_draws_a_warning() throws SQLException {
            asAdmin("alter role " + database.runtimeRole() + " reset statement_timeout");

            LintReport report = lint();

            assertFindings(report).containsExactly(tuple(WARNING, "RUNTIME_ROLE_TIMEOUTS", "role " + database.runtimeRole()));
            assertThat(report.findings().get(0).fix())
                    .isEqualTo("ALTER ROLE " + database.runtimeRole() + " SET statement_timeout = '30s'; "
                            + "(as a role with CREATEROLE or a superuser).");
            assertThat(report.passed()).isTrue();
        }
    }

    @Nested
    class Exposure {

        @Test
        void a_view_over_a_tenant_table_without_security_invoker_is_an_error() throws SQLException {
            asOwner("create view users_by_email as select email, id from users");

            assertFindings(lint()).containsExactly(
                    tuple(ERROR, "VIEW_WITHOUT_SECURITY_INVOKER", "public.users_by_email (view)"));
        }

        @Test
        void a_view_over_a_view_over_a_tenant_table_is_named_too() throws SQLException {
            asOwner("create view active_users with (security_invoker = true) as select * from users where status = 'active';"
                    + "create view active_emails as select email from active_users");

            assertFindings(lint()).containsExactly(
                    tuple(ERROR, "VIEW_WITHOUT_SECURITY_INVOKER", "public.active_emails (view)"));
        }

        @Test
        void a_view_with_security_invoker_passes() throws SQLException {
            asOwner("create view users_by_email with (security_invoker) as select email, id from users");

            assertFindings(lint()).isEmpty();
        }

        @Test
        void a_security_definer_function_the_runtime_role_may_execute_is_an_error() throws SQLException {
            asOwner("create function leak() returns setof users language sql security definer as 'select * from users';"
                    + "grant execute on function leak() to " + database.runtimeRole());

            assertFindings(lint()).containsExactly(tuple(ERROR, "SECURITY_DEFINER_FUNCTION", "public.leak() (function)"));
        }

        @Test
        void a_security_definer_function_the_runtime_role_may_not_execute_passes() throws SQLException {
            asOwner("create function leak() returns setof users language sql security definer as 'select * from users';"
                    + "revoke execute on function leak() from public");

            assertFindings(lint()).isEmpty();
        }

        @Test
        void a_materialized_view_over_a_tenant_table_the_runtime_role_may_read_is_an_error() throws SQLException {
            asOwner("create materialized view user_emails as select tenant_id, email from users;"
                    + "grant select on user_emails to " + database.runtimeRole());

            assertFindings(lint()).containsExactly(
                    tuple(ERROR, "MATERIALIZED_VIEW_OVER_TENANT_TABLE", "public.user_emails (materialized view)"));
        }

        @Test
        void a_materialized_view_the_runtime_role_may_not_read_passes() throws SQLException {
            asOwner("create materialized view user_emails as select tenant_id, email from users");

            assertFindings(lint()).isEmpty();
        }
    }

    @Nested
    class Keys {

        @Test
        void a_foreign_key_between_tenant_tables_without_tenant_id_is_an_error() throws SQLException {
            asOwner(compliantTable("invoices") + "alter table invoices add column customer_id uuid;"
                    + "alter table users add constraint users_id_key unique (id);"
                    + "alter table invoices add constraint invoices_customer_fkey foreign key (customer_id) references users (id);");

            LintReport report = lint();

            assertFindings(report).contains(
                    tuple(ERROR, "FOREIGN_KEY_WITHOUT_TENANT", "public.invoices (foreign key invoices_customer_fkey)"));
            assertThat(report.findings()).filteredOn(finding -> finding.check().equals("FOREIGN_KEY_WITHOUT_TENANT"))
                    .singleElement().extracting(LintFinding::fix).asString()
                    .startsWith("ALTER TABLE public.invoices DROP CONSTRAINT invoices_customer_fkey, ADD CONSTRAINT "
                            + "invoices_customer_fkey FOREIGN KEY (tenant_id, customer_id) REFERENCES public.users (tenant_id, id);");
        }

        @Test
        void a_unique_index_without_tenant_id_is_an_error() throws SQLException {
            asOwner("create unique index users_email_idx on users (email)");

            assertFindings(lint()).containsExactly(
                    tuple(ERROR, "UNIQUE_WITHOUT_TENANT", "public.users (unique index users_email_idx)"));
        }

        @Test
        void a_unique_expression_index_is_judged_by_its_plain_columns() throws SQLException {
            asOwner("create unique index users_lower_email_idx on users (lower(email))");

            LintReport report = lint();

            assertFindings(report).containsExactly(
                    tuple(ERROR, "UNIQUE_WITHOUT_TENANT", "public.users (unique index users_lower_email_idx)"));
            assertThat(report.findings().get(0).fix()).isEqualTo("DROP INDEX public.users_lower_email_idx; CREATE UNIQUE "
                    + "INDEX users_lower_email_idx ON public.users USING btree (tenant_id, lower(email));");
        }

        @Test
        void a_unique_constraint_without_tenant_id_is_an_error() throws SQLException {
            asOwner("alter table users add constraint users_phone_key unique (phone_encrypted)");

            assertFindings(lint()).containsExactly(
                    tuple(ERROR, "UNIQUE_WITHOUT_TENANT", "public.users (unique constraint users_phone_key)"));
        }

        @Test
        void a_tenant_table_whose_indexes_do_not_lead_with_tenant_id_is_an_error() throws SQLException {
            asOwner(compliantTable("invoices") + "create index invoices_id_tenant_idx on invoices (id, tenant_id);"
                    + "alter table invoices drop constraint invoices_pkey;");

            assertFindings(lint()).containsExactly(tuple(ERROR, "TENANT_COLUMN_NOT_INDEXED", "public.invoices"));
        }
    }

    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertFindings(LintReport report) {
        return assertThat(report.findings()).as(report.describe())
                .extracting(LintFinding::severity, LintFinding::check, LintFinding::object);
    }

    /** A tenant table as the migrations make them: tenant_id leads the key, RLS enabled and forced, the policy. */
    private static String compliantTable(String name, String... options) {
        return ("create table %1$s (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id)) %2$s;"
                + "alter table %1$s enable row level security;"
                + "alter table %1$s force row level security;"
                + "create policy %1$s_tenant_isolation on %1$s using (tenant_id = %3$s) with check (tenant_id = %3$s);")
                .formatted(name, String.join(" ", options), TENANT);
    }

    private LintReport lint() throws SQLException {
        return lint(TenancyLint.forRuntimeRole(database.runtimeRole()));
    }

    private LintReport lint(TenancyLint lint) throws SQLException {
        try (Connection owner = database.ownerConnection()) {
            return lint.check(owner);
        }
    }

    private void asOwner(String sql) throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    private void asAdmin(String sql) throws SQLException {
        try (Connection admin = database.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
