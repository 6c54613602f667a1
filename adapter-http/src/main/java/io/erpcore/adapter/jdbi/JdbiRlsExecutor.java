package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RetryPolicy;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.persistence.ScopedWork;
import io.erpcore.persistence.TenantBulkhead;
import io.erpcore.tenancy.TenantId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RlsExecutor} over JDBI. A scope costs no round trip of its own: its {@code SET LOCAL}
 * rides in the text of the work's first statement ({@link ScopedStatements}). A transaction is
 * therefore one exchange per statement plus the commit; single-statement work is one exchange in
 * all.
 */
public final class JdbiRlsExecutor implements RlsExecutor<Handle> {

    private final Jdbi jdbi;
    private final ScopedStatements statements;
    private final TenantBulkhead bulkhead;
    private final RetryPolicy retry;

    private JdbiRlsExecutor(Jdbi jdbi, TenantBulkhead bulkhead, RetryPolicy retry) {
        this.jdbi = jdbi;
        this.statements = ScopedStatements.over(jdbi);
        this.bulkhead = bulkhead;
        this.retry = retry;
    }

    /**
     * An executor over {@code jdbi}, which must connect as the runtime role. Its statements are
     * rendered by the template engine {@code jdbi} has now.
     */
    public static JdbiRlsExecutor create(Jdbi jdbi, TenantBulkhead bulkhead, RetryPolicy retry) {
        return new JdbiRlsExecutor(jdbi, bulkhead, retry);
    }

    @Override
    public <T, E extends Exception> T inTenant(TenantId tenant, Execution execution, ScopedWork<Handle, T, E> work)
            throws E {
        return bulkhead.call(tenant, () -> retry.run(execution.retried(),
                () -> scoped(Scope.tenant(tenant), execution, work)));
    }

    @Override
    public <T, E extends Exception> T inPlatformScope(Execution execution, ScopedWork<Handle, T, E> work) throws E {
        return retry.run(execution.retried(), () -> scoped(Scope.platform(), execution, work));
    }

    @Override
    public <T, E extends Exception> T provisioning(TenantId tenant, ScopedWork<Handle, T, E> work) throws E {
        return bulkhead.call(tenant, () -> retry.run(false,
                () -> scoped(Scope.provisioning(tenant), Execution.transaction(), work)));
    }

    private <T, E extends Exception> T scoped(Scope scope, Execution execution, ScopedWork<Handle, T, E> work)
            throws E {
        if (execution.oneStatement()) {
            try (Handle handle = jdbi.open()) {
                statements.install(handle, scope, true);
                return work.run(handle);
            }
        }
        return jdbi.inTransaction(handle -> {
            statements.install(handle, scope, false);
            return work.run(handle);
        });
    }
}
