package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.PersistenceException;
import io.erpcore.tenancy.TenantId;

/** The tenant already has an API key with this prefix; the caller generates another key and tries again. */
public final class DuplicateApiKeyPrefixException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    DuplicateApiKeyPrefixException(TenantId tenant, String prefix) {
        super("Tenant '" + tenant + "' already has an API key with prefix '" + prefix + "'");
    }
}
