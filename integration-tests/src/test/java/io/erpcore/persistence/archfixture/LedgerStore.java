package io.erpcore.persistence.archfixture;

import io.erpcore.tenancy.archfixture.TenantScope;

/** Fixture: a port of the persistence core, an interface on tenancy. */
public interface LedgerStore {

    void append(TenantScope scope, String entry);
}
