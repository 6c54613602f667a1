package io.erpcore.adapter.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * Puts a scope on a handle at the cost of no extra round trip: the scope's {@code set_config}
 * travels in the same text as the handle's first query or update ({@code select set_config(...);
 * select ...}), which pgjdbc sends in one exchange, and the setting's result is skipped. Other first statements (batches, calls, scripts, statements returning
 * generated keys) get the setting as a statement of its own first.
 *
 * <p>With {@code singleStatement}, the handle is in autocommit: setting and statement run in
 * one implicit transaction, so the scope ends with it and a second statement would run unscoped.
 * It is refused instead.
 */
final class ScopedStatements implements TemplateEngine, StatementCustomizer {

    /** The statement's SQL as the work wrote it, before the scope was put in front. */
    static final String ORIGINAL_SQL = "erp.originalSql";
    /** The scoped tenant, or absent in the platform scope. */
    static final String TENANT = "erp.tenant";
    private static final String PREFIXED = "erp.scopePrefixed";

    private final TemplateEngine templates;
    private final Scope scope;
    private final boolean singleStatement;
    private int statements;

    private ScopedStatements(TemplateEngine templates, Scope scope, boolean singleStatement) {
        this.templates = templates;
        this.scope = scope;
        this.singleStatement = singleStatement;
    }

    /** Installs {@code scope} on {@code handle}, which is new and unused. */
    static void install(Handle handle, Scope scope, boolean singleStatement) {
        ScopedStatements statements = new ScopedStatements(
                handle.getConfig(SqlStatements.class).getTemplateEngine(), scope, singleStatement);
        handle.setTemplateEngine(statements);
        handle.addCustomizer(statements);
        if (scope.tenant() != null) {
            handle.define(TENANT, scope.tenant());
        }
    }

    @Override
    public String render(String template, StatementContext context) {
        String sql = ParsedTemplates.render(templates, template, context);
        context.define(ORIGINAL_SQL, sql);
        statements++;
        if (statements > 1) {
            if (singleStatement) {
                throw new IllegalStateException("Single-statement work ran a second statement, which would run "
                        + "outside the scope; use Execution.transaction() for work of several statements");
            }
            return sql;
        }
        if (rides(context)) {
            context.define(PREFIXED, Boolean.TRUE);
            return scope.setting() + ";\n" + sql;
        }
        if (singleStatement) {
            throw new IllegalStateException("Single-statement work must be one query or update without "
                    + "generated keys; use Execution.transaction() for " + context.describeJdbiStatementType());
        }
        setSeparately(context.getConnection());
        return sql;
    }

    @Override
    public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
        if (Boolean.TRUE.equals(context.getAttribute(PREFIXED))) {
            // The setting's row comes first; the statement's own result follows it.
            statement.getMoreResults();
        }
    }

    private static boolean rides(StatementContext context) {
        Class<?> type = context.getJdbiStatementType() instanceof Class<?> kind ? kind : Object.class;
        return (type == Query.class || type == Update.class) && !context.isReturningGeneratedKeys();
    }

    private void setSeparately(Connection connection) {
        try (Statement setting = connection.createStatement()) {
            setting.execute(scope.setting());
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Cannot set the database scope", e, null);
        }
    }
}
