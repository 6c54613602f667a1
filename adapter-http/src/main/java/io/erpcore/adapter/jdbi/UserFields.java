package io.erpcore.adapter.jdbi;

import java.util.Objects;

/** The rules of the {@code users} table's checks, applied before a statement is sent. */
final class UserFields {

    static final int EMAIL_MIN = 3;
    static final int EMAIL_MAX = 320;
    static final int DISPLAY_NAME_MAX = 200;

    private UserFields() {
    }

    static void requireEmail(String email) {
        Objects.requireNonNull(email, "email");
        int length = email.codePointCount(0, email.length());
        if (length < EMAIL_MIN || length > EMAIL_MAX || email.isBlank()) {
            throw new IllegalArgumentException("'email' must be " + EMAIL_MIN + " to " + EMAIL_MAX
                    + " characters and not blank but was " + length + " characters long");
        }
    }

    static void requireDisplayName(String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        int length = displayName.codePointCount(0, displayName.length());
        if (displayName.isBlank() || length > DISPLAY_NAME_MAX) {
            throw new IllegalArgumentException("'displayName' must be 1 to " + DISPLAY_NAME_MAX
                    + " characters and not blank but was " + length + " characters long");
        }
    }

    static void requireStatus(String status) {
        if (!UserRow.ACTIVE.equals(status) && !UserRow.DISABLED.equals(status)) {
            throw new IllegalArgumentException("'status' must be one of [active, disabled] but was '" + status + "'");
        }
    }
}
