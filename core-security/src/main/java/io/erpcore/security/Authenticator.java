package io.erpcore.security;

/**
 * Verifies a request's credentials: the port behind the HTTP chain's authentication step.
 *
 * <p>Contract: called once per API request on the request's thread, with the raw
 * {@code Authorization} header ({@code null} when absent). It must answer
 * {@link Authentication.Anonymous} for no header, {@link Authentication.Refused} for credentials it
 * cannot accept, and must refuse a malformed, forged or expired token without I/O; it may consult a
 * short-lived cache for the status of a valid token's user and tenant. It never throws for bad
 * input, must be thread-safe and never logs the credentials.
 */
@FunctionalInterface
public interface Authenticator {

    /** Verifies {@code authorizationHeader}, which may be {@code null}. */
    Authentication authenticate(String authorizationHeader);

    /**
     * Treats every request as anonymous, refusing any credentials it is shown: the chain's default
     * until an identity module is wired in.
     */
    static Authenticator anonymousOnly() {
        return header -> header == null || header.isBlank()
                ? Authentication.anonymous()
                : new Authentication.Refused("UNSUPPORTED_CREDENTIALS",
                        "this server accepts no credentials yet; send the request without an Authorization header");
    }
}
