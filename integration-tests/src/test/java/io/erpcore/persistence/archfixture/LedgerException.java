package io.erpcore.persistence.archfixture;

/** Fixture: the exception root of a core module. */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }
}
