package io.erpcore.security.archfixture;

import io.erpcore.persistence.archfixture.LedgerStore;

/** Violates: security depending on persistence, which the dependency table forbids. */
public final class PersistenceTouchingGuard {

    public String describe(LedgerStore store) {
        return store.toString();
    }
}
