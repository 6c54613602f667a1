package io.erpcore.adapter.jdbi.archfixture;

import io.erpcore.adapter.jdbi.archfixture.internal.SqlDialect;
import io.erpcore.persistence.archfixture.LedgerStore;
import io.erpcore.security.archfixture.AccessGuard;
import io.erpcore.tenancy.archfixture.TenantScope;
import java.util.ArrayList;
import java.util.List;

/** Fixture: a well-named adapter for a core port, using several cores. */
public final class JdbiLedgerStore implements LedgerStore {

    private final AccessGuard guard = new AccessGuard();
    private final List<String> entries = new ArrayList<>();

    @Override
    public void append(TenantScope scope, String entry) {
        if (guard.admits(scope)) {
            entries.add(SqlDialect.quote(entry));
        }
    }

    /** An anonymous port implementation, which cannot carry a name of its own. */
    public LedgerStore discarding() {
        return new LedgerStore() {
            @Override
            public void append(TenantScope scope, String entry) {
                // Discards on purpose.
            }
        };
    }
}
