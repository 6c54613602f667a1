package io.erpcore.adapter.http;

import java.util.Objects;

/**
 * One entry of a validation problem's {@code errors[]}.
 *
 * @param field the JSON path of the offending field, {@code admin.email}
 * @param message what is wrong with it, never repeating a secret
 */
public record FieldError(String field, String message) {

    /** Refuses missing parts. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
