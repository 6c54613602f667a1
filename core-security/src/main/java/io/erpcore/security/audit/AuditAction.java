package io.erpcore.security.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an audit event records, as a dotted lower-case name ({@code user.created}). The constants
 * are the events ERP Core itself writes; an embedding service names its own the same way
 * ({@code invoice.approved}).
 */
public record AuditAction(String name) {

    /** The longest name accepted; the database column holds the same limit. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public static final AuditAction LOGIN_SUCCEEDED = new AuditAction("auth.login_succeeded");
    public static final AuditAction LOGIN_FAILED = new AuditAction("auth.login_failed");
    public static final AuditAction REFRESH_TOKEN_REUSED = new AuditAction("auth.refresh_token_reused");
    public static final AuditAction LOGGED_OUT = new AuditAction("auth.logged_out");
    public static final AuditAction USER_CREATED = new AuditAction("user.created");
    public static final AuditAction USER_UPDATED = new AuditAction("user.updated");
    public static final AuditAction USER_DELETED = new AuditAction("user.deleted");
    public static final AuditAction API_KEY_CREATED = new AuditAction("api_key.created");
    public static final AuditAction API_KEY_REVOKED = new AuditAction("api_key.revoked");
    public static final AuditAction PERMISSION_DENIED = new AuditAction("access.permission_denied");
    public static final AuditAction RATE_LIMITED = new AuditAction("access.rate_limited");
    public static final AuditAction TENANT_CREATED = new AuditAction("tenant.created");
    public static final AuditAction TENANT_UPDATED = new AuditAction("tenant.updated");
    public static final AuditAction TENANT_SUSPENDED = new AuditAction("tenant.suspended");
    public static final AuditAction TENANT_REACTIVATED = new AuditAction("tenant.reactivated");

    /**
     * Refuses anything but dot-separated lower-case words ({@code a-z}, digits, {@code _}) of at
     * least two parts, at most {@value #MAX_LENGTH} characters.
     */
    public AuditAction {
        Objects.requireNonNull(name, "name");
        if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("audit action must be dot-separated lower-case words such as "
                    + "'user.created', at most " + MAX_LENGTH + " characters, but was '"
                    + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
        }
    }

    /** The action named {@code name}. */
    public static AuditAction of(String name) {
        return new AuditAction(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
