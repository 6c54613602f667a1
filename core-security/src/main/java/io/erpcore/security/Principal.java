package io.erpcore.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who verified credentials say the caller is.
 *
 * @param subject the user id (or API key id) the credentials were issued to
 * @param tenantClaim the credentials' {@code tid} claim as written; tenant resolution checks it
 * @param permissions what the caller may do, already expanded from roles or API-key scopes
 */
public record Principal(String subject, Optional<String> tenantClaim, Set<Permission> permissions) {

    /** Refuses a blank subject; copies the permissions. */
    public Principal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        permissions = Set.copyOf(permissions);
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a principal's subject must not be blank");
        }
    }

    /** Whether any held permission grants {@code required}. */
    public boolean holds(Permission required) {
        for (Permission held : permissions) {
            if (held.grants(required)) {
                return true;
            }
        }
        return false;
    }
}
