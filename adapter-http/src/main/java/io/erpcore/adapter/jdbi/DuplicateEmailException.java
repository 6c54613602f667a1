package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.PersistenceException;
import io.erpcore.tenancy.TenantId;

/**
 * The tenant already has a user with this e-mail address, compared without regard to case; the
 * HTTP layer answers 409. The address itself stays out of the message, which may reach a log.
 */
public final class DuplicateEmailException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    DuplicateEmailException(TenantId tenant) {
        super("Tenant '" + tenant + "' already has a user with this e-mail address");
    }
}
