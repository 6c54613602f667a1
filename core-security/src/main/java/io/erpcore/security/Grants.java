package io.erpcore.security;

import java.util.Objects;
import java.util.Set;

/**
 * The rule that no one hands out more than they hold (DESIGN section 4): an admin cannot make an
 * owner, nor create an API key with a scope the admin lacks.
 */
public final class Grants {

    private Grants() {
    }

    /**
     * Whether someone holding {@code held} may hand out every one of {@code requested} (a role's
     * permissions or API-key scopes): each requested permission must be granted by a held one;
     * wildcards count as the wider permission. So {@code users:*} held grants {@code users:read},
     * but {@code users:read} and {@code users:write} held do not grant {@code users:*}, which
     * would also cover actions invented later. Nothing requested is always grantable.
     */
    public static boolean canGrant(Set<Permission> held, Set<Permission> requested) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(requested, "requested");
        for (Permission wanted : requested) {
            if (held.stream().noneMatch(permission -> permission.grants(wanted))) {
                return false;
            }
        }
        return true;
    }
}
