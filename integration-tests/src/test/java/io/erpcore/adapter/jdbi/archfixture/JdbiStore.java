package io.erpcore.adapter.jdbi.archfixture;

import io.erpcore.persistence.archfixture.LedgerStore;
import io.erpcore.tenancy.archfixture.TenantScope;

/** Violates: an adapter whose name does not end in the port it implements. */
public final class JdbiStore implements LedgerStore {

    @Override
    public void append(TenantScope scope, String entry) {
        // Nothing to store in a fixture.
    }
}
