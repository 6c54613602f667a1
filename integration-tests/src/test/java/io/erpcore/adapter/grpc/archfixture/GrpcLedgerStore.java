package io.erpcore.adapter.grpc.archfixture;

import io.erpcore.persistence.archfixture.LedgerStore;
import io.erpcore.tenancy.archfixture.TenantScope;

/** Violates: an adapter in a technology package the naming rule does not know. */
public final class GrpcLedgerStore implements LedgerStore {

    @Override
    public void append(TenantScope scope, String entry) {
        // Nothing to store in a fixture.
    }
}
