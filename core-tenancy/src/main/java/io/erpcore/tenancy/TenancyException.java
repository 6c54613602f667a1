package io.erpcore.tenancy;

/**
 * The root of every exception core-tenancy throws, so a caller can catch the module's failures in
 * one clause; subclasses are named by intent and their messages quote the names and values involved.
 */
public abstract class TenancyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    protected TenancyException(String message) {
        super(message);
    }
}
