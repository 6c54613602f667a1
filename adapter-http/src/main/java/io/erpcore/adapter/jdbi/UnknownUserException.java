package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.PersistenceException;
import io.erpcore.tenancy.TenantId;
import java.util.UUID;

/**
 * A credential was to be stored for a user the tenant does not have (deleted meanwhile, or a user
 * of another tenant, which inside the tenant's scope is the same thing).
 */
public final class UnknownUserException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    UnknownUserException(TenantId tenant, UUID user) {
        super("Tenant '" + tenant + "' has no user '" + user + "'");
    }
}
