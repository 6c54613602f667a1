package io.erpcore.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a user may hold in a tenant, with the permissions of DESIGN section 4. Tokens and the
 * database carry a role by its {@link #id()}; ids a newer or older release does not know grant
 * nothing, so a token never gains permissions through a typo or a downgrade.
 */
public enum Role {

    /** Everything, including the tenant's own settings. */
    OWNER(Set.of(Permission.ALL)),
    /** Manages users, API keys, and reads the audit trail. */
    ADMIN(Set.of(
            Permission.parse("users:read"),
            Permission.parse("users:write"),
            Permission.parse("apikeys:read"),
            Permission.parse("apikeys:write"),
            Permission.parse("audit:read"))),
    /** Reads users and the audit trail, changes nothing. */
    AUDITOR(Set.of(Permission.parse("users:read"), Permission.parse("audit:read"))),
    /** Sees their own account. */
    MEMBER(Set.of(Permission.parse("me:read")));

    /**
     * What every user holds whatever their roles: reading their own account ({@code GET /api/v1/me}).
     * The roles table names it for members only because it is all a member holds; an admin who
     * could not read themselves, or could not make a member for lacking it, would be an accident
     * of the table, not a rule.
     */
    public static final Permission SELF = Permission.parse("me:read");

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    /** The lower-case id used in tokens, the database and the wire format: {@code owner}, {@code admin}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What this role may do; unmodifiable. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** The role with id {@code id}, exactly as written (ids are lower case); empty for anything else, null included. */
    public static Optional<Role> of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The union of the permissions of the roles named in {@code roleIds}; unknown ids grant nothing. */
    /** What a user holding {@code roleIds} may do: the roles' permissions and {@link #SELF}. */
    public static Set<Permission> userPermissions(Collection<String> roleIds) {
        Set<Permission> granted = new HashSet<>(permissionsOf(roleIds));
        granted.add(SELF);
        return Set.copyOf(granted);
    }

    public static Set<Permission> permissionsOf(Collection<String> roleIds) {
        Objects.requireNonNull(roleIds, "roleIds");
        Set<Permission> granted = new HashSet<>();
        for (String id : roleIds) {
            of(id).ifPresent(role -> granted.addAll(role.permissions));
        }
        return Set.copyOf(granted);
    }
}
