package io.erpcore.adapter.jdbi;

/** What became of a sign-in: tokens, or why there are none. */
public sealed interface SignIn {

    /** The password matched an active user. */
    record SignedIn(SessionTokens tokens) implements SignIn {
    }

    /** No such user, or the wrong password: the two are told apart to nobody. */
    record BadCredentials() implements SignIn {
    }

    /** The password matched, but the user is disabled. */
    record Disabled() implements SignIn {
    }
}
