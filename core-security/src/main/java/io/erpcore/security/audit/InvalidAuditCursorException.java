package io.erpcore.security.audit;

import io.erpcore.security.ErpSecurityException;

/** A cursor that no page of the audit trail handed out: bad input, answered 400. */
public final class InvalidAuditCursorException extends ErpSecurityException {

    private static final long serialVersionUID = 1L;

    public InvalidAuditCursorException() {
        super("'cursor' is not a cursor this list handed out");
    }
}
