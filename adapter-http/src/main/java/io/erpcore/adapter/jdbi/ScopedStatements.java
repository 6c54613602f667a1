package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * Puts a scope on a handle at the cost of no extra round trip: the scope's {@code set_config}
 * travels in the same text as the handle's first query or update ({@code select set_config(...);
 * select ...}), which pgjdbc sends in one exchange, and the setting's result is skipped. The tenant
 * id is bound as a named parameter of that text (written as a literal when the statement's own
 * parameters are positional, which cannot be mixed with names). Other first statements (batches,
 * calls, scripts, statements returning generated keys) get the setting as a statement of its own
 * first.
 *
 * <p>With {@code singleStatement}, the handle is in autocommit: setting and statement run in
 * one implicit transaction, so the scope ends with it and a second statement would run unscoped.
 * It is refused instead.
 *
 * <p>One instance serves every handle of an executor, wrapping the template engine its JDBI had
 * when the executor was made; the scope itself is an attribute of the handle. JDBI keeps parsed
 * templates per engine instance, so an engine made per handle would have every template parsed
 * again for every unit of work.
 */
final class ScopedStatements implements TemplateEngine, StatementCustomizer {

    /** The statement's SQL as the work wrote it, before the scope was put in front. */
    static final String ORIGINAL_SQL = "erp.originalSql";
    private static final String SCOPE = "erp.scope";
    private static final String PREFIXED = "erp.scopePrefixed";

    private final TemplateEngine templates;

    private ScopedStatements(TemplateEngine templates) {
        this.templates = templates;
    }

    /** The scoping engine for the handles of {@code jdbi}, around the template engine it has now. */
    static ScopedStatements over(Jdbi jdbi) {
        return new ScopedStatements(jdbi.getConfig(SqlStatements.class).getTemplateEngine());
    }

    /** Installs {@code scope} on {@code handle}, which is new and unused. */
    void install(Handle handle, Scope scope, boolean singleStatement) {
        handle.setTemplateEngine(this);
        handle.addCustomizer(this);
        handle.define(SCOPE, new HandleScope(scope, singleStatement));
    }

    /** The tenant of the scope {@code context}'s statement runs in; empty in the platform scope or outside a scope. */
    static Optional<TenantId> tenant(StatementContext context) {
        return context.getAttribute(SCOPE) instanceof HandleScope handle
                ? Optional.ofNullable(handle.scope.tenant()) : Optional.empty();
    }

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        Optional<Function<StatementContext, String>> parsed = templates.parse(template, config);
        Function<StatementContext, String> own = parsed.orElse(context -> templates.render(template, context));
        return Optional.of(context -> scoped(own.apply(context), context));
    }

    @Override
    public String render(String template, StatementContext context) {
        return scoped(templates.render(template, context), context);
    }

    @Override
    public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
        if (Boolean.TRUE.equals(context.getAttribute(PREFIXED))) {
            // The setting's row comes first; the statement's own result follows it.
            statement.getMoreResults();
        }
    }

    private static String scoped(String sql, StatementContext context) {
        if (!(context.getAttribute(SCOPE) instanceof HandleScope handle)) {
            return sql; // a handle this engine was not installed on, such as one a test configured
        }
        context.define(ORIGINAL_SQL, sql);
        handle.statements++;
        if (handle.statements > 1) {
            if (handle.singleStatement) {
                throw new IllegalStateException("Single-statement work ran a second statement, which would run "
                        + "outside the scope; use Execution.transaction() for work of several statements");
            }
            return sql;
        }
        if (rides(context)) {
            context.define(PREFIXED, Boolean.TRUE);
            return setting(handle.scope, sql, context) + ";\n" + sql;
        }
        if (handle.singleStatement) {
            throw new IllegalStateException("Single-statement work must be one query or update without "
                    + "generated keys; use Execution.transaction() for " + context.describeJdbiStatementType());
        }
        setSeparately(handle.scope, context.getConnection());
        return sql;
    }

    private static String setting(Scope scope, String sql, StatementContext context) {
        if (scope.tenant() == null) {
            return scope.template();
        }
        SqlParser parser = context.getConfig(SqlStatements.class).getSqlParser();
        // The parser keeps what it parsed, so asking costs a lookup per statement.
        if (parser.parse(sql, context).getParameters().isPositional()) {
            return scope.literalSetting();
        }
        context.getBinding().addNamed(Scope.TENANT_PARAMETER, scope.tenant().toString());
        return scope.setting(parser.nameParameter(Scope.TENANT_PARAMETER, context));
    }

    private static boolean rides(StatementContext context) {
        Class<?> type = context.getJdbiStatementType() instanceof Class<?> kind ? kind : Object.class;
        return (type == Query.class || type == Update.class) && !context.isReturningGeneratedKeys();
    }

    private static void setSeparately(Scope scope, Connection connection) {
        try (PreparedStatement setting = connection.prepareStatement(scope.setting("?"))) {
            if (scope.tenant() != null) {
                setting.setString(1, scope.tenant().toString());
            }
            setting.execute();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Cannot set the database scope", e, null);
        }
    }

    /** One handle's scope, and how many statements the handle has rendered in it. Confined to the handle's thread. */
    private static final class HandleScope {

        private final Scope scope;
        private final boolean singleStatement;
        private int statements;

        private HandleScope(Scope scope, boolean singleStatement) {
            this.scope = scope;
            this.singleStatement = singleStatement;
        }
    }
}
