package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.PersistenceException;

/**
 * A list was asked for with a cursor that no page ever handed out, or a limit outside its range;
 * input, not a fault, so the HTTP layer answers 400.
 */
public final class InvalidPageRequestException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    InvalidPageRequestException(String message) {
        super(message);
    }
}
