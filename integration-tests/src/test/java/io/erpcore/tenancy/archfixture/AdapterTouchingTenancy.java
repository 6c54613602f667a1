package io.erpcore.tenancy.archfixture;

import io.erpcore.adapter.jdbi.archfixture.JdbiLedgerStore;

/** Violates: a core that touches an adapter. */
public final class AdapterTouchingTenancy {

    public Object store() {
        return new JdbiLedgerStore();
    }
}
