package io.erpcore.adapter.jdbi.archfixture;

import io.erpcore.persistence.archfixture.BaseLedgerStore;

/** Violates: an adapter extending an abstract core class as its port. */
public final class JdbiBaseLedgerStore extends BaseLedgerStore {

    @Override
    public void append(String entry) {
        // Nothing to store in a fixture.
    }
}
