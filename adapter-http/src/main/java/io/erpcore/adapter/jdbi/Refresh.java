package io.erpcore.adapter.jdbi;

/** What became of presenting a refresh token. */
public sealed interface Refresh {

    /** The token was current: it is rotated, and these replace it. */
    record Refreshed(SessionTokens tokens) implements Refresh {
    }

    /** The token is not usable; a {@link Reason#REUSED} one revoked its whole family. */
    record Refused(Reason reason) implements Refresh {
    }

    /** Why a refresh token was refused. */
    enum Reason {
        /** Malformed, or no such token in its tenant. */
        UNKNOWN,
        EXPIRED,
        REVOKED,
        /** Presented again after it was rotated: its family is revoked, since a thief may hold it. */
        REUSED,
        /** Its user is disabled or deleted. */
        USER_DISABLED
    }
}
