package io.erpcore.adapter.jdbi.archfixture;

import io.erpcore.persistence.archfixture.LedgerException;

/** Fixture: an adapter's exception under the core's exception root, which is not a port. */
public final class JdbiLedgerUnavailableException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public JdbiLedgerUnavailableException(String message) {
        super(message);
    }
}
