package io.erpcore.security;

import java.util.Objects;

/** What an {@link Authenticator} made of a request's credentials. */
public sealed interface Authentication
        permits Authentication.Anonymous, Authentication.Authenticated, Authentication.Refused {

    /** The request carries no credentials. */
    record Anonymous() implements Authentication {
    }

    /** The credentials are valid and name {@code principal}. */
    record Authenticated(Principal principal) implements Authentication {

        /** Refuses a missing principal. */
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The request carries credentials that are malformed, forged, expired or revoked: answered 401
     * with {@code code}, whatever the route, because a caller who sent credentials meant to use them.
     *
     * @param code a stable error code such as {@code INVALID_TOKEN}
     * @param detail safe to show the caller: it never repeats the credentials
     */
    record Refused(String code, String detail) implements Authentication {

        /** Refuses blank parts. */
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The anonymous outcome. */
    static Authentication anonymous() {
        return new Anonymous();
    }
}
