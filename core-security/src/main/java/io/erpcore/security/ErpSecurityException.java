package io.erpcore.security;

/**
 * The root of every exception core-security throws, so a caller can catch the module's failures in
 * one clause; subclasses are named by intent and their messages quote the names and values involved.
 * Not called {@code SecurityException}: inside this package that name would shadow
 * {@link java.lang.SecurityException}, which the JDK throws for a different reason.
 */
public abstract class ErpSecurityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    protected ErpSecurityException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    protected ErpSecurityException(String message, Throwable cause) {
        super(message, cause);
    }
}
