package io.erpcore.security;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission written {@code resource:action}, such as {@code users:read}; either part may be the
 * wildcard {@code *}, and {@code *} alone grants everything.
 *
 * @param resource a lower-case name or {@code *}
 * @param action a lower-case name or {@code *}
 */
public record Permission(String resource, String action) {

    private static final String WILDCARD = "*";
    private static final Pattern PART = Pattern.compile("\\*|[a-z][a-z0-9-]{0,39}");

    /** Everything: the {@code owner} role's grant. */
    public static final Permission ALL = new Permission(WILDCARD, WILDCARD);

    /** Refuses parts that are not lower-case names or the wildcard. */
    public Permission {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
        if (!PART.matcher(resource).matches() || !PART.matcher(action).matches()) {
            throw new IllegalArgumentException("a permission must be written 'resource:action' in lower-case letters,"
                    + " digits and '-', or '*', but was '" + resource + ":" + action + "'");
        }
    }

    /** Reads {@code resource:action} or {@code *}. */
    public static Permission parse(String text) {
        String written = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
        if (written.equals(WILDCARD)) {
            return ALL;
        }
        int colon = written.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a permission must be written 'resource:action' or '*', but was '" + text + "'");
        }
        return new Permission(written.substring(0, colon), written.substring(colon + 1));
    }

    /** Whether holding this permission grants {@code required}; wildcards here match anything there. */
    public boolean grants(Permission required) {
        return matches(resource, required.resource) && matches(action, required.action);
    }

    private static boolean matches(String held, String required) {
        return held.equals(WILDCARD) || held.equals(required);
    }

    /** {@code resource:action}, or {@code *} for {@link #ALL}. */
    @Override
    public String toString() {
        return equals(ALL) ? WILDCARD : resource + ":" + action;
    }
}
