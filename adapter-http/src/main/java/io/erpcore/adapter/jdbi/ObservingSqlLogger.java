package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.StatementObserver;
import io.erpcore.tenancy.TenantId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Hands every finished JDBI statement to the {@link StatementObserver}: metrics and slow-query
 * logs. Installed by {@link JdbiDatabase}; services with a JDBI of their own can install it too.
 */
public final class ObservingSqlLogger implements SqlLogger {

    private final StatementObserver observer;

    private ObservingSqlLogger(StatementObserver observer) {
        this.observer = observer;
    }

    public static ObservingSqlLogger of(StatementObserver observer) {
        return new ObservingSqlLogger(observer);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        finished(context, true);
    }

    @Override
    public void logException(StatementContext context, SQLException failure) {
        finished(context, false);
    }

    private void finished(StatementContext context, boolean success) {
        Object original = context.getAttribute(ScopedStatements.ORIGINAL_SQL);
        String sql = original instanceof String text ? text : String.valueOf(context.getRenderedSql());
        TenantId tenant = ScopedStatements.tenant(context).orElse(null);
        observer.finished(sql, Duration.ofNanos(context.getElapsedTime(ChronoUnit.NANOS)), success, tenant);
    }
}
