package io.erpcore.adapter.jdbi.archfixture;

import io.erpcore.persistence.archfixture.LedgerStore;
import io.erpcore.tenancy.archfixture.TenantScope;

/** Violates: an adapter whose name hides its technology. */
public final class LedgerStoreImpl implements LedgerStore {

    @Override
    public void append(TenantScope scope, String entry) {
        // Nothing to store in a fixture.
    }
}
