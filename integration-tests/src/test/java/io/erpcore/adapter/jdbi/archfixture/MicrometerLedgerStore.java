package io.erpcore.adapter.jdbi.archfixture;

import io.erpcore.persistence.archfixture.LedgerStore;
import io.erpcore.tenancy.archfixture.TenantScope;

/** Violates: an adapter in the jdbi package named after another technology. */
public final class MicrometerLedgerStore implements LedgerStore {

    @Override
    public void append(TenantScope scope, String entry) {
        // Nothing to store in a fixture.
    }
}
