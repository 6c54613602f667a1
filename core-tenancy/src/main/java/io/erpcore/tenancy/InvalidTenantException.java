package io.erpcore.tenancy;

/** A tenant's slug, name, status or rate limit breaks its rule; the message names the field and the value. */
public final class InvalidTenantException extends TenancyException {

    private static final long serialVersionUID = 1L;

    InvalidTenantException(String message) {
        super(message);
    }
}
