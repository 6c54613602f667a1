package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant to create, with the user who becomes its {@code owner} (DESIGN section 4: slug, name,
 * admin). The caller hashes the admin's password.
 */
public record NewTenant(String slug, String name, Admin admin) {

    /**
     * Checks slug and name by {@link Tenant}'s own rules.
     *
     * @throws io.erpcore.tenancy.InvalidTenantException for a slug that is not a DNS label or a bad name
     */
    public NewTenant {
        Objects.requireNonNull(admin, "admin");
        // Tenant's compact constructor holds the rules; a throwaway instance applies them.
        new Tenant(TenantId.random(), slug, name, TenantStatus.ACTIVE, Optional.empty(), Instant.EPOCH);
    }

    /** The tenant's first user, made its owner. */
    public record Admin(String email, String displayName, String passwordHash) {

        /** Checks the fields by the rules of {@link NewUser}. */
        public Admin {
            asOwner(email, displayName, passwordHash);
        }

        NewUser asOwner() {
            return asOwner(email, displayName, passwordHash);
        }

        private static NewUser asOwner(String email, String displayName, String passwordHash) {
            return NewUser.of(email, displayName, passwordHash, List.of("owner"));
        }

        /** E-mail and display name; the hash stays out. */
        @Override
        public String toString() {
            return "Admin[email=" + email + ", displayName=" + displayName + "]";
        }
    }
}
