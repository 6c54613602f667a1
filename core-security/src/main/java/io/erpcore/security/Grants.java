package io.erpcore.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule that no one hands out more than they hold (DESIGN section 4): an admin cannot make an
 * owner, nor create an API key with a scope the admin lacks.
 */
public final class Grants {

    /** The resource of permissions over the holder's own account only, such as {@code me:read}. */
    private static final String OWN_ACCOUNT = "me";

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

    /**
     * Whether someone holding {@code held} may give a user the roles {@code roleIds}, or change or
     * delete a user who holds them: {@link #canGrant} over the roles' permissions, leaving out those
     * over the grantee's own account ({@code me:read}), which reach nothing of anyone else's. Without
     * that, an admin, who lacks {@code me:read} in the roles table, could not make a member. Unknown
     * role ids carry nothing.
     */
    public static boolean canGrantRoles(Set<Permission> held, Collection<String> roleIds) {
        Objects.requireNonNull(held, "held");
        Set<Permission> wanted = Role.permissionsOf(roleIds).stream()
                .filter(permission -> !permission.resource().equals(OWN_ACCOUNT))
                .collect(Collectors.toSet());
        return canGrant(held, wanted);
    }
}
