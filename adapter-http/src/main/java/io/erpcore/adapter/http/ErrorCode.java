package io.erpcore.adapter.http;

import java.util.Locale;

/**
 * The stable codes of problem answers that the HTTP layer itself produces; {@code docs/errors.md}
 * lists every code with its status and remedy. Codes are API: never rename one. Tenant refusals
 * keep the codes of {@link io.erpcore.tenancy.TenantResolution.Refusal}, and an authenticator's
 * refusal names its own code.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    MALFORMED_REQUEST(400, "The request is malformed"),
    NOT_AUTHENTICATED(401, "Authentication required"),
    WEBHOOK_SIGNATURE_INVALID(401, "Webhook signature refused"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    INVALID_CREDENTIALS_SCHEME(401, "Unsupported credentials"),
    INVALID_TOKEN(401, "Invalid access token"),
    TOKEN_EXPIRED(401, "Access token expired"),
    INVALID_API_KEY(401, "Invalid API key"),
    USER_DISABLED(401, "User disabled"),
    INVALID_REFRESH_TOKEN(401, "Invalid refresh token"),
    REFRESH_TOKEN_REUSED(401, "Refresh token reused"),
    PERMISSION_DENIED(403, "Permission denied"),
    PLATFORM_TOKEN_REQUIRED(403, "Platform token required"),
    CORS_REJECTED(403, "Cross-origin request refused"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    TENANT_SLUG_TAKEN(409, "Tenant slug taken"),
    EMAIL_TAKEN(409, "E-mail address taken"),
    BODY_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    EXPECTATION_FAILED(417, "Expectation not supported"),
    RATE_LIMITED(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "The request headers are too large"),
    INTERNAL_ERROR(500, "Internal server error"),
    RATE_LIMIT_UNAVAILABLE(503, "Rate limiting is unavailable"),
    TENANT_BUSY(503, "The tenant has too much work in progress"),
    DATABASE_UNAVAILABLE(503, "The database is unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status this code is answered with. */
    public int status() {
        return status;
    }

    /** The problem's {@code title}: the same for every occurrence of the code. */
    public String title() {
        return title;
    }

    /** A problem of this code saying {@code detail}, to throw from a step or a handler. */
    public ProblemException problem(String detail) {
        return ProblemException.of(status, name(), title, detail);
    }

    /** The problem {@code type} URI of a code, {@code urn:problem:erp-core:tenant-mismatch}. */
    static String typeOf(String code) {
        return "urn:problem:erp-core:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
