package io.erpcore.tenancy;

/** Text that should name a tenant is not a UUID in canonical form; bad input, answered with 400. */
public final class InvalidTenantIdException extends TenancyException {

    private static final long serialVersionUID = 1L;

    InvalidTenantIdException(String message) {
        super(message);
    }
}
