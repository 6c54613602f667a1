package io.erpcore.host.archfixture;

import io.erpcore.adapter.jdbi.archfixture.JdbiLedgerStore;
import io.erpcore.config.archfixture.Settings;
import io.erpcore.persistence.archfixture.LedgerStore;

/** Fixture: the host, wiring an adapter to the configuration. */
public final class HostWiring {

    public LedgerStore ledger(Settings settings) {
        return settings.region().isEmpty() ? null : new JdbiLedgerStore();
    }
}
