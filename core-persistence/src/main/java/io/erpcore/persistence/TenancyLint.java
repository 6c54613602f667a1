package io.erpcore.persistence;

import io.erpcore.persistence.LintFinding.Severity;
import io.erpcore.persistence.lint.PolicyExpression;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks from the PostgreSQL catalog that a schema really isolates tenants (DESIGN section 5): the
 * host runs it at start-up, after the migrations, and outside development an error stops the start;
 * services that embed ERP Core run it in their tests against their own migrations.
 *
 * <p>A <em>tenant table</em> is an ordinary or partitioned table of the schema, or a partition of
 * one, with a column {@code tenant_id}; {@code tenants} is checked for row-level security like one.
 * The checks, by code (ERROR unless marked):
 * <ul>
 * <li>{@code SCHEMA_MISSING}, {@code RUNTIME_ROLE_MISSING}: there is nothing to check against.
 * <li>{@code RLS_DISABLED}, {@code RLS_NOT_FORCED}: a tenant table without row-level security, or
 *     with it but not forced, so its owner bypasses it. Partitions are named on their own: a query
 *     that names a partition directly gets the partition's policies, not its parent's.
 * <li>{@code NO_POLICY} (WARNING): row-level security on, no permissive policy, so every query sees
 *     nothing. Safe (it fails closed) but unusable. Not reported for partitions, where it is the
 *     intended way to allow access through the parent only.
 * <li>{@code POLICY_NOT_TENANT_SCOPED}: a permissive policy whose USING or WITH CHECK does not pin
 *     {@code tenant_id} to {@code nullif(current_setting('app.tenant_id', true), '')}
 *     ({@link PolicyExpression}); on {@code tenants}, {@code id} or the platform scope instead.
 *     Permissive policies are OR-ed, so one such policy opens the table. Policies for any role are
 *     checked, not only those that apply to the runtime role.
 * <li>{@code RUNTIME_ROLE_SUPERUSER}, {@code RUNTIME_ROLE_BYPASSRLS}, {@code RUNTIME_ROLE_OWNS_TABLE},
 *     {@code RUNTIME_ROLE_IS_OWNER_ROLE}: the runtime role bypasses row-level security; owns a table
 *     of the schema; is a member of the role that owns the database or the tables; or owns the
 *     database and tables itself, as when one URL serves both the application and the migrations
 *     (then its tables are counted in that one finding rather than named one by one).
 * <li>{@code VIEW_WITHOUT_SECURITY_INVOKER}, {@code MATERIALIZED_VIEW_OVER_TENANT_TABLE}: a view, in
 *     any schema, that reads a tenant table (directly or through other views) with its owner's
 *     rights; a materialized view over one that the runtime role may read.
 * <li>{@code SECURITY_DEFINER_FUNCTION}: a SECURITY DEFINER function of the schema the runtime role
 *     may execute; its body is not read, so every such function is reported.
 * <li>{@code FOREIGN_KEY_WITHOUT_TENANT}, {@code UNIQUE_WITHOUT_TENANT}, {@code TENANT_COLUMN_NOT_INDEXED}:
 *     a foreign key between tenant tables that does not pair {@code tenant_id} with {@code tenant_id};
 *     a unique key without {@code tenant_id}; a tenant table (not a partition: partitions inherit
 *     their parent's indexes) where no index leads with {@code tenant_id}.
 * <li>{@code RUNTIME_ROLE_TIMEOUTS} (WARNING): the runtime role has no role-level
 *     {@code statement_timeout}, {@code lock_timeout} or {@code idle_in_transaction_session_timeout}.
 * </ul>
 *
 * <p>{@link #check} only reads: one parameterized SELECT per check. It neither commits nor rolls
 * back, changes no setting of the connection and does not close it; connect as the owner role or an
 * administrator. A {@code TenancyLint} is immutable and thread-safe.
 */
public final class TenancyLint {

    private static final String TENANT_SETTING = "(SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)";
    private static final String PLATFORM_SCOPE =
            "(SELECT coalesce(nullif(current_setting('app.platform', true), ''), 'off') = 'on')";
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern INDEX_KEY = Pattern.compile(" USING (\\w+) \\(");
    private static final Pattern FOREIGN_KEY_ACTIONS = Pattern.compile("REFERENCES [^(]*\\([^)]*\\)(.*)");
    private static final int MAX_EXPRESSION = 200;

    // Every check's query starts with these. Unreferenced CTEs are never evaluated.
    private static final String CATALOG = """
            with recursive
            params as (select cast(? as text) as schema_name, cast(? as text) as role_name),
            runtime as (
                select r.oid, r.rolname, quote_ident(r.rolname) as role_ident, r.rolsuper, r.rolbypassrls
                from pg_roles r join params p on r.rolname = p.role_name),
            schema_tables as (
                select c.oid, c.relname, c.relowner, c.relispartition, c.relrowsecurity, c.relforcerowsecurity,
                       format('%I.%I', n.nspname, c.relname) as name,
                       (n.nspname = p.schema_name and c.relname = 'tenants') as is_tenants,
                       (select a.attnum from pg_attribute a
                        where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_column,
                       (select format('%I.%I', pn.nspname, pc.relname)
                        from pg_inherits i join pg_class pc on pc.oid = i.inhparent
                        join pg_namespace pn on pn.oid = pc.relnamespace
                        where i.inhrelid = c.oid and c.relispartition) as partition_of
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                cross join params p
                where c.relkind in ('r', 'p')
                  and (n.nspname = p.schema_name
                       or c.relispartition and exists (
                           select 1 from pg_class root join pg_namespace rn on rn.oid = root.relnamespace
                           where root.oid = pg_partition_root(c.oid) and rn.nspname = p.schema_name))),
            tenant_tables as (
                select * from schema_tables where tenant_column is not null or is_tenants),
            tenant_readers as (
                select rw.ev_class as oid, t.name as reads
                from tenant_tables t
                join pg_depend d on d.refclassid = 'pg_class'::regclass and d.refobjid = t.oid
                    and d.classid = 'pg_rewrite'::regclass
                join pg_rewrite rw on rw.oid = d.objid and rw.ev_class <> t.oid
                union
                select rw.ev_class, r.reads
                from tenant_readers r
                join pg_depend d on d.refclassid = 'pg_class'::regclass and d.refobjid = r.oid
                    and d.classid = 'pg_rewrite'::regclass
                join pg_rewrite rw on rw.oid = d.objid and rw.ev_class <> r.oid)
            """;

    private static final List<Check> CHECKS = List.of(
            new Check("SCHEMA_MISSING", Severity.ERROR, """
                    select p.schema_name from params p
                    where not exists (select 1 from pg_namespace n where n.nspname = p.schema_name)
                    """, TenancyLint::schemaMissing),
            new Check("RUNTIME_ROLE_MISSING", Severity.ERROR, """
                    select p.role_name from params p where not exists (select 1 from runtime)
                    """, TenancyLint::runtimeRoleMissing),
            new Check("RLS_DISABLED", Severity.ERROR, """
                    select * from tenant_tables where not relrowsecurity order by name
                    """, TenancyLint::rlsDisabled),
            new Check("RLS_NOT_FORCED", Severity.ERROR, """
                    select * from tenant_tables where relrowsecurity and not relforcerowsecurity order by name
                    """, TenancyLint::rlsNotForced),
            new Check("NO_POLICY", Severity.WARNING, """
                    select * from tenant_tables t
                    where relrowsecurity and not relispartition
                      and not exists (select 1 from pg_policy p where p.polrelid = t.oid and p.polpermissive)
                    order by name
                    """, TenancyLint::noPolicy),
            new Check("POLICY_NOT_TENANT_SCOPED", Severity.ERROR, """
                    select t.name, t.is_tenants, quote_ident(p.polname) as policy,
                           pg_get_expr(p.polqual, p.polrelid) as using_expression,
                           pg_get_expr(p.polwithcheck, p.polrelid) as check_expression
                    from tenant_tables t join pg_policy p on p.polrelid = t.oid
                    where p.polpermissive
                    order by t.name, p.polname
                    """, TenancyLint::policyNotTenantScoped),
            new Check("RUNTIME_ROLE_SUPERUSER", Severity.ERROR, """
                    select rolname, role_ident from runtime where rolsuper
                    """, TenancyLint::runtimeRoleSuperuser),
            new Check("RUNTIME_ROLE_BYPASSRLS", Severity.ERROR, """
                    select rolname, role_ident from runtime where rolbypassrls
                    """, TenancyLint::runtimeRoleBypassRls),
            new Check("RUNTIME_ROLE_OWNS_TABLE", Severity.ERROR, """
                    select t.name, r.rolname, r.role_ident, quote_ident(pg_get_userbyid(d.datdba)) as database_owner
                    from schema_tables t
                    join runtime r on r.oid = t.relowner
                    join pg_database d on d.datname = current_database() and d.datdba <> r.oid
                    order by t.name
                    """, TenancyLint::runtimeRoleOwnsTable),
            new Check("RUNTIME_ROLE_IS_OWNER_ROLE", Severity.ERROR, """
                    select o.rolname as owner, quote_ident(o.rolname) as owner_ident, r.rolname, r.role_ident,
                           o.oid = r.oid as is_self,
                           (select count(*) from schema_tables t where t.relowner = o.oid) as tables,
                           (select quote_ident(d.datname) from pg_database d
                            where d.datname = current_database() and d.datdba = o.oid) as database
                    from (select d.datdba as oid from pg_database d where d.datname = current_database()
                          union
                          select t.relowner from schema_tables t, runtime r where t.relowner <> r.oid) owners
                    join pg_roles o on o.oid = owners.oid
                    cross join runtime r
                    where not r.rolsuper and pg_has_role(r.oid, o.oid, 'MEMBER')
                      and (o.oid <> r.oid or exists (select 1 from schema_tables t where t.relowner = r.oid))
                    order by o.rolname
                    """, TenancyLint::runtimeRoleIsOwnerRole),
            new Check("VIEW_WITHOUT_SECURITY_INVOKER", Severity.ERROR, """
                    select format('%I.%I', n.nspname, v.relname) as name, pg_get_userbyid(v.relowner) as owner,
                           string_agg(r.reads, ', ' order by r.reads) as reads
                    from tenant_readers r
                    join pg_class v on v.oid = r.oid and v.relkind = 'v'
                    join pg_namespace n on n.oid = v.relnamespace
                    where n.nspname not in ('pg_catalog', 'information_schema')
                      and not coalesce((select o.option_value::boolean from pg_options_to_table(v.reloptions) o
                                        where o.option_name = 'security_invoker'), false)
                    group by n.nspname, v.relname, v.relowner
                    order by 1
                    """, TenancyLint::viewWithoutSecurityInvoker),
            new Check("SECURITY_DEFINER_FUNCTION", Severity.ERROR, """
                    select format('%I.%I(%s)', n.nspname, f.proname, pg_get_function_identity_arguments(f.oid)) as name,
                           case f.prokind when 'p' then 'procedure' else 'function' end as kind,
                           pg_get_userbyid(f.proowner) as owner, r.rolname, r.role_ident
                    from pg_proc f
                    join pg_namespace n on n.oid = f.pronamespace
                    join params p on n.nspname = p.schema_name
                    cross join runtime r
                    where f.prosecdef and has_function_privilege(r.oid, f.oid, 'EXECUTE')
                    order by 1
                    """, TenancyLint::securityDefinerFunction),
            new Check("MATERIALIZED_VIEW_OVER_TENANT_TABLE", Severity.ERROR, """
                    select format('%I.%I', n.nspname, m.relname) as name, r.rolname, r.role_ident,
                           string_agg(t.reads, ', ' order by t.reads) as reads
                    from tenant_readers t
                    join pg_class m on m.oid = t.oid and m.relkind = 'm'
                    join pg_namespace n on n.oid = m.relnamespace
                    cross join runtime r
                    where n.nspname not in ('pg_catalog', 'information_schema')
                      and has_table_privilege(r.oid, m.oid, 'SELECT')
                    group by n.nspname, m.relname, r.rolname, r.role_ident
                    order by 1
                    """, TenancyLint::materializedViewOverTenantTable),
            new Check("FOREIGN_KEY_WITHOUT_TENANT", Severity.ERROR, """
                    select src.name, quote_ident(c.conname) as constraint_name, dst.name as referenced,
                           pg_get_constraintdef(c.oid) as definition,
                           (select string_agg(quote_ident(a.attname), ', ' order by k.i)
                            from unnest(c.conkey) with ordinality k(n, i)
                            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as columns,
                           (select string_agg(quote_ident(a.attname), ', ' order by k.i)
                            from unnest(c.confkey) with ordinality k(n, i)
                            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as referenced_columns
                    from pg_constraint c
                    join tenant_tables src on src.oid = c.conrelid and src.tenant_column is not null
                    join tenant_tables dst on dst.oid = c.confrelid and dst.tenant_column is not null
                    where c.contype = 'f' and c.conparentid = 0
                      and not exists (select 1 from unnest(c.conkey, c.confkey) k(a, b)
                                      where k.a = src.tenant_column and k.b = dst.tenant_column)
                    order by 1, 2
                    """, TenancyLint::foreignKeyWithoutTenant),
            new Check("UNIQUE_WITHOUT_TENANT", Severity.ERROR, """
                    select t.name, quote_ident(i.relname) as index_name, format('%I.%I', n.nspname, i.relname) as qualified_index,
                           quote_ident(c.conname) as constraint_name, c.contype::text as constraint_type,
                           pg_get_indexdef(x.indexrelid) as definition, pg_get_constraintdef(c.oid) as constraint_definition,
                           (select string_agg(pg_get_indexdef(x.indexrelid, k, true), ', ' order by k)
                            from generate_series(1, x.indnkeyatts) k) as key
                    from tenant_tables t
                    join pg_index x on x.indrelid = t.oid
                    join pg_class i on i.oid = x.indexrelid
                    join pg_namespace n on n.oid = i.relnamespace
                    left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = t.oid and c.contype in ('p', 'u')
                    where t.tenant_column is not null and x.indisunique and not i.relispartition
                      and not exists (select 1 from generate_series(0, x.indnkeyatts - 1) k
                                      where x.indkey[k] = t.tenant_column)
                    order by 1, 2
                    """, TenancyLint::uniqueWithoutTenant),
            new Check("TENANT_COLUMN_NOT_INDEXED", Severity.ERROR, """
                    select t.name from tenant_tables t
                    where t.tenant_column is not null and not t.relispartition
                      and not exists (select 1 from pg_index x
                                      where x.indrelid = t.oid and x.indkey[0] = t.tenant_column
                                        and x.indpred is null and x.indisvalid)
                    order by t.name
                    """, TenancyLint::tenantColumnNotIndexed),
            new Check("RUNTIME_ROLE_TIMEOUTS", Severity.WARNING, """
                    select r.rolname, r.role_ident, string_agg(w.setting, ', ' order by w.setting) as missing
                    from runtime r
                    cross join unnest(array['statement_timeout', 'lock_timeout',
                                            'idle_in_transaction_session_timeout']) w(setting)
                    where not exists (
                        select 1 from pg_db_role_setting s cross join unnest(s.setconfig) e(entry)
                        where s.setrole = r.oid
                          and s.setdatabase in (0, (select d.oid from pg_database d where d.datname = current_database()))
                          and split_part(e.entry, '=', 1) = w.setting and split_part(e.entry, '=', 2) not in ('', '0'))
                    group by r.rolname, r.role_ident
                    """, TenancyLint::runtimeRoleTimeouts));

    private final String runtimeRole;
    private final String schema;

    private TenancyLint(String runtimeRole, String schema) {
        this.runtimeRole = requireName("runtimeRole", runtimeRole);
        this.schema = requireName("schema", schema);
    }

    /** A lint of schema {@code public} for {@code runtimeRole}, the user of {@code DATABASE_URL}. */
    public static TenancyLint forRuntimeRole(String runtimeRole) {
        return new TenancyLint(runtimeRole, "public");
    }

    /** The same lint of {@code schema} instead. */
    public TenancyLint inSchema(String schema) {
        return new TenancyLint(runtimeRole, schema);
    }

    /** Runs every check through {@code connection} (the owner's or an administrator's); reads the catalog only. */
    public LintReport check(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "'connection' must not be null");
        List<LintFinding> findings = new ArrayList<>();
        for (Check check : CHECKS) {
            try (PreparedStatement statement = connection.prepareStatement(CATALOG + check.query())) {
                statement.setString(1, schema);
                statement.setString(2, runtimeRole);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        check.judge().judge(this, Row.of(rows)).ifPresent(issue -> findings.add(
                                new LintFinding(check.severity(), check.code(), issue.object(), issue.problem(), issue.fix())));
                    }
                }
            }
        }
        return new LintReport(findings);
    }

    private Optional<Issue> schemaMissing(Row row) {
        return issue("schema " + schema, "schema '" + schema + "' does not exist in this database, so there is nothing to check.",
                "Run the migrations before the lint, or pass the schema they create to TenancyLint.inSchema(...).");
    }

    private Optional<Issue> runtimeRoleMissing(Row row) {
        return issue("role " + runtimeRole, "role '" + runtimeRole + "' does not exist, so what the runtime role may do "
                        + "cannot be checked.",
                "Pass the user of DATABASE_URL to TenancyLint.forRuntimeRole(...), or create it: CREATE ROLE "
                        + identifier(runtimeRole) + " LOGIN PASSWORD '<secret>' NOSUPERUSER NOBYPASSRLS; then rerun the "
                        + "migrations, which grant it what it needs.");
    }

    private Optional<Issue> rlsDisabled(Row row) {
        String table = row.text("name");
        return issue(table, describeTable(row) + " has row-level security disabled, so any role granted access to it, "
                        + "the runtime role included, sees and changes every tenant's rows.",
                "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY; ALTER TABLE " + table
                        + " FORCE ROW LEVEL SECURITY; and, unless it has one, " + createPolicy(row) + ".");
    }

    private Optional<Issue> rlsNotForced(Row row) {
        String table = row.text("name");
        return issue(table, describeTable(row) + " has row-level security enabled but not forced, so its owner, and "
                        + "any role that is or becomes that owner, bypasses every policy.",
                "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;");
    }

    private Optional<Issue> noPolicy(Row row) {
        return issue(row.text("name"), describeTable(row) + " has row-level security but no permissive policy, so "
                        + "every query through it sees no row and every insert fails: safe, but unusable.",
                createPolicy(row) + ";");
    }

    private Optional<Issue> policyNotTenantScoped(Row row) {
        boolean tenants = row.flag("is_tenants");
        String column = tenants ? "id" : "tenant_id";
        String using = row.text("using_expression");
        String withCheck = row.text("check_expression");
        boolean badUsing = using != null && !tenantScoped(using, column, tenants);
        boolean badCheck = withCheck != null && !tenantScoped(withCheck, column, tenants);
        if (!badUsing && !badCheck) {
            return Optional.empty();
        }
        String table = row.text("name");
        String policy = row.text("policy");
        String scoped = column + " = " + TENANT_SETTING;
        return issue(table + " (policy " + policy + ")", "permissive policy " + policy + " on " + table
                        + " lets through rows whose " + column + " is not the tenant in app.tenant_id"
                        + (badUsing ? "; USING " + abbreviate(using) : "")
                        + (badCheck ? "; WITH CHECK " + abbreviate(withCheck) : "")
                        + ". Permissive policies are OR-ed, so this one alone opens the table to every tenant.",
                "ALTER POLICY " + policy + " ON " + table + (badUsing ? " USING (" + scoped + ")" : "")
                        + (badCheck ? " WITH CHECK (" + scoped + ")" : "") + "; or DROP POLICY " + policy + " ON " + table
                        + (tenants ? "; or require the platform scope: " + PLATFORM_SCOPE : "")
                        + ". A condition meant to narrow the tenant policy belongs in a policy created AS RESTRICTIVE.");
    }

    private Optional<Issue> runtimeRoleSuperuser(Row row) {
        return issue("role " + row.text("rolname"), "the runtime role " + row.text("rolname") + " is a superuser, and "
                        + "superusers bypass row-level security, even forced: every tenant's rows are open to it.",
                "ALTER ROLE " + row.text("role_ident") + " NOSUPERUSER; (as a superuser). The application needs no more "
                        + "than the privileges the migrations grant it.");
    }

    private Optional<Issue> runtimeRoleBypassRls(Row row) {
        return issue("role " + row.text("rolname"), "the runtime role " + row.text("rolname") + " has BYPASSRLS, so no "
                        + "row-level security policy applies to it: every tenant's rows are open to it.",
                "ALTER ROLE " + row.text("role_ident") + " NOBYPASSRLS; (as a superuser).");
    }

    private Optional<Issue> runtimeRoleOwnsTable(Row row) {
        String table = row.text("name");
        return issue(table, "the runtime role " + row.text("rolname") + " owns " + table + ", so it may disable or "
                        + "un-force its row-level security, drop its policies or drop the table.",
                "ALTER TABLE " + table + " OWNER TO " + row.text("database_owner") + "; (as a superuser). Tables "
                        + "belong to the role of DATABASE_MIGRATION_URL, never to the role of DATABASE_URL.");
    }

    private Optional<Issue> runtimeRoleIsOwnerRole(Row row) {
        String runtime = row.text("rolname");
        String owner = row.text("owner_ident");
        String owns = Optional.ofNullable(row.text("database")).map(name -> "database " + name + " and ").orElse("")
                + row.count("tables") + " table(s) of schema " + schema;
        String problem = row.flag("is_self")
                ? "the runtime role " + runtime + " is also the owner role: it owns " + owns + ", as when DATABASE_URL "
                        + "and DATABASE_MIGRATION_URL name the same role (or only one of them is set). A role that may "
                        + "alter the tables may switch their row-level security off."
                : "the runtime role " + runtime + " is a member of role " + row.text("owner") + ", which owns " + owns
                        + ": through SET ROLE it may alter those tables and switch their row-level security off.";
        String newRole = "erp_app".equals(runtime) ? "erp_runtime" : "erp_app";
        String split = "give the application a role of its own: CREATE ROLE " + newRole + " LOGIN PASSWORD '<secret>' "
                + "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; then set DATABASE_URL to connect as " + newRole
                + " and DATABASE_MIGRATION_URL as " + owner + ", and rerun the migrations, which grant " + newRole
                + " exactly what it needs.";
        String fix = row.flag("is_self") ? "Split the roles: " + split
                : "REVOKE " + owner + " FROM " + row.text("role_ident") + "; (as a superuser). If " + runtime
                        + " is also how the migrations run, " + split;
        return issue("role " + runtime, problem, fix);
    }

    private Optional<Issue> viewWithoutSecurityInvoker(Row row) {
        String view = row.text("name");
        return issue(view + " (view)", "view " + view + " reads tenant table(s) " + row.text("reads") + " with the "
                        + "rights of its owner " + row.text("owner") + " instead of the querying role (no security_invoker): "
                        + "if that owner bypasses row-level security, or owns a table whose row-level security is not "
                        + "forced, the view shows every tenant's rows.",
                "ALTER VIEW " + view + " SET (security_invoker = true); (PostgreSQL 15 or later).");
    }

    private Optional<Issue> securityDefinerFunction(Row row) {
        String function = row.text("name");
        String kind = row.text("kind");
        String keyword = kind.toUpperCase(Locale.ROOT);
        return issue(function + " (" + kind + ")", kind + " " + function + " is SECURITY DEFINER and the runtime role "
                        + row.text("rolname") + " may execute it: it runs as its owner " + row.text("owner") + ", who may "
                        + "bypass row-level security or see rows the caller cannot. The lint cannot tell what its body "
                        + "reads, so it reports every such " + kind + ".",
                "ALTER " + keyword + " " + function + " SECURITY INVOKER; or, if it must run with its owner's rights, "
                        + "REVOKE EXECUTE ON " + keyword + " " + function + " FROM PUBLIC, " + row.text("role_ident")
                        + "; (functions are executable by PUBLIC unless revoked).");
    }

    private Optional<Issue> materializedViewOverTenantTable(Row row) {
        String view = row.text("name");
        return issue(view + " (materialized view)", "materialized view " + view + " holds rows of tenant table(s) "
                        + row.text("reads") + " and has no row-level security, and the runtime role " + row.text("rolname")
                        + " may read it: it shows every tenant's rows.",
                "REVOKE SELECT ON " + view + " FROM PUBLIC, " + row.text("role_ident") + "; and give the runtime role a "
                        + "view WITH (security_invoker = true) over the tenant tables instead.");
    }

    private Optional<Issue> foreignKeyWithoutTenant(Row row) {
        String table = row.text("name");
        String constraint = row.text("constraint_name");
        String referenced = row.text("referenced");
        List<String> columns = withoutTenant(row.text("columns"));
        List<String> referencedColumns = withoutTenant(row.text("referenced_columns"));
        Matcher actions = FOREIGN_KEY_ACTIONS.matcher(row.text("definition"));
        String fix = columns.size() != referencedColumns.size()
                ? "Recreate " + constraint + " so that it references " + referenced + " by a key that pairs tenant_id "
                        + "with tenant_id."
                : "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint + ", ADD CONSTRAINT " + constraint
                        + " FOREIGN KEY (" + withTenant(columns) + ") REFERENCES " + referenced
                        + " (" + withTenant(referencedColumns) + ")" + (actions.find() ? actions.group(1) : "") + "; "
                        + referenced + " needs a primary key or "
                        + "unique constraint on (" + withTenant(referencedColumns) + ").";
        return issue(table + " (foreign key " + constraint + ")", "foreign key " + constraint + " of " + table
                        + " references tenant table " + referenced + " (" + row.text("definition") + ") without pairing "
                        + "tenant_id with tenant_id, so a row of one tenant may point at a row of another.",
                fix);
    }

    private Optional<Issue> uniqueWithoutTenant(Row row) {
        String table = row.text("name");
        String constraint = row.text("constraint_name");
        String type = row.text("constraint_type");
        String label = constraint == null ? "unique index " + row.text("index_name")
                : ("p".equals(type) ? "primary key " : "unique constraint ") + constraint;
        String fix = constraint == null
                ? "DROP INDEX " + row.text("qualified_index") + "; " + INDEX_KEY.matcher(row.text("definition"))
                        .replaceFirst(" USING $1 (tenant_id, ") + ";"
                : "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint + ", ADD CONSTRAINT " + constraint + " "
                        + row.text("constraint_definition").replaceFirst("\\(", "(tenant_id, ") + ";"
                        + ("p".equals(type) ? " Foreign keys that reference it must be recreated with tenant_id too." : "");
        return issue(table + " (" + label + ")", label + " of " + table + " makes (" + row.text("key") + ") unique "
                        + "across all tenants rather than per tenant: an insert that collides with another tenant's row "
                        + "fails, and so tells one tenant what another has stored.",
                fix);
    }

    private Optional<Issue> tenantColumnNotIndexed(Row row) {
        String table = row.text("name");
        return issue(table, "no index of " + table + " has tenant_id as its first column, though every row-level "
                        + "security policy filters on it: tenant-scoped queries scan the table, and it cannot later be "
                        + "distributed by tenant_id.",
                "Lead its primary key with tenant_id (PRIMARY KEY (tenant_id, id)), or CREATE INDEX ON " + table
                        + " (tenant_id);");
    }

    private Optional<Issue> runtimeRoleTimeouts(Row row) {
        String role = row.text("role_ident");
        Map<String, String> defaults = Map.of("statement_timeout", "30s", "lock_timeout", "10s",
                "idle_in_transaction_session_timeout", "60s");
        StringBuilder fix = new StringBuilder();
        for (String setting : row.text("missing").split(", ")) {
            fix.append("ALTER ROLE ").append(role).append(" SET ").append(setting).append(" = '")
                    .append(defaults.get(setting)).append("'; ");
        }
        return issue("role " + row.text("rolname"), "the runtime role " + row.text("rolname") + " has no role-level "
                        + row.text("missing") + ": the pool sets them on its own connections, but any other client "
                        + "connecting as " + row.text("rolname") + " runs without them.",
                fix.append("(as a role with CREATEROLE or a superuser).").toString());
    }

    private static String describeTable(Row row) {
        String table = row.text("name");
        if (row.flag("is_tenants")) {
            return "the tenants table " + table;
        }
        String parent = row.text("partition_of");
        return parent == null ? "tenant table " + table
                : "partition " + table + " of " + parent + " (a query may name a partition directly)";
    }

    private static String createPolicy(Row row) {
        String column = row.flag("is_tenants") ? "id" : "tenant_id";
        String scoped = column + " = " + TENANT_SETTING;
        return "CREATE POLICY " + identifier(row.text("relname") + "_tenant_isolation") + " ON " + row.text("name")
                + " USING (" + scoped + ") WITH CHECK (" + scoped + ")";
    }

    private static boolean tenantScoped(String expression, String column, boolean tenants) {
        return tenants ? PolicyExpression.scopedToTenantOrPlatform(expression, column)
                : PolicyExpression.scopedToTenant(expression, column);
    }

    private static List<String> withoutTenant(String columns) {
        return Arrays.stream(columns.split(", ")).filter(column -> !"tenant_id".equals(column)).toList();
    }

    private static String withTenant(List<String> columns) {
        return "tenant_id" + columns.stream().map(column -> ", " + column).reduce("", String::concat);
    }

    private static String abbreviate(String expression) {
        String text = expression.length() <= MAX_EXPRESSION ? expression : expression.substring(0, MAX_EXPRESSION) + "...";
        return text.startsWith("(") ? text : "(" + text + ")";
    }

    // Good enough for names the lint makes up; names read from the catalog are quoted by PostgreSQL.
    private static String identifier(String name) {
        return PLAIN_IDENTIFIER.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String requireName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'" + what + "' must name a PostgreSQL "
                    + ("schema".equals(what) ? "schema" : "role") + " but was " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    private static Optional<Issue> issue(String object, String problem, String fix) {
        return Optional.of(new Issue(object, problem, fix));
    }

    /** One check: its code and severity, the query that finds candidates, and what a row of it means. */
    private record Check(String code, Severity severity, String query, Judge judge) {
    }

    /** Turns one row of a check's query into an issue, or into nothing when the row is fine after all. */
    @FunctionalInterface
    private interface Judge {
        Optional<Issue> judge(TenancyLint lint, Row row);
    }

    private record Issue(String object, String problem, String fix) {
    }

    /** One row of a check's query, by column label. */
    private record Row(Map<String, Object> values) {

        static Row of(ResultSet rows) throws SQLException {
            ResultSetMetaData meta = rows.getMetaData();
            Map<String, Object> values = new HashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                values.put(meta.getColumnLabel(column), rows.getObject(column));
            }
            return new Row(values);
        }

        String text(String column) {
            Object value = value(column);
            return value == null ? null : value.toString();
        }

        boolean flag(String column) {
            Object value = value(column);
            return value instanceof Boolean flag ? flag : "t".equals(value) || "true".equals(value);
        }

        long count(String column) {
            return ((Number) value(column)).longValue();
        }

        private Object value(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalStateException("the lint's query has no column '" + column + "'");
            }
            return values.get(column);
        }
    }
}
