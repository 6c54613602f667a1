package io.erpcore.adapter.jdbi;

import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditEvent;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.tenancy.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit events of changes to users. A snapshot holds the e-mail, display name, roles and
 * status; the phone number, stored encrypted, only as present or not; never the password hash.
 * An update records only the fields that changed, before and after.
 */
final class UserAudit {

    private UserAudit() {
    }

    /** A user as it stood before a change: what its audit event may show of it. */
    record Stored(String email, String displayName, List<String> roles, String status, boolean hasPhone) {

        static Stored of(UserRow row) {
            return new Stored(row.email(), row.displayName(), row.roles(), row.status(), row.phone().isPresent());
        }

        AuditSnapshot snapshot() {
            return AuditSnapshot.builder().put("email", email).put("displayName", displayName).put("roles", roles)
                    .put("status", status).encrypted("phone", hasPhone).build();
        }
    }

    static AuditEvent created(TenantId tenant, AuditOrigin origin, UserRow user) {
        return origin.event(tenant, AuditAction.USER_CREATED, resource(user.id())).withAfter(Stored.of(user).snapshot());
    }

    static AuditEvent deleted(TenantId tenant, AuditOrigin origin, UUID id, Stored user) {
        return origin.event(tenant, AuditAction.USER_DELETED, resource(id)).withBefore(user.snapshot());
    }

    /** The event of {@code update} turning {@code before} into {@code after}; empty when nothing changed. */
    static Optional<AuditEvent> updated(TenantId tenant, AuditOrigin origin, Stored before, UserRow after,
            UserUpdate update) {
        AuditSnapshot.Builder was = AuditSnapshot.builder();
        AuditSnapshot.Builder is = AuditSnapshot.builder();
        boolean changed = false;
        if (update.displayName().isPresent() && !before.displayName().equals(after.displayName())) {
            was.put("displayName", before.displayName());
            is.put("displayName", after.displayName());
            changed = true;
        }
        if (update.roles().isPresent() && !before.roles().equals(after.roles())) {
            was.put("roles", before.roles());
            is.put("roles", after.roles());
            changed = true;
        }
        if (update.status().isPresent() && !Objects.equals(before.status(), after.status())) {
            was.put("status", before.status());
            is.put("status", after.status());
            changed = true;
        }
        // A new number always counts as a change: comparing would mean decrypting the old one.
        if (update.phone().isPresent() || (update.removesPhone() && before.hasPhone())) {
            was.encrypted("phone", before.hasPhone());
            is.encrypted("phone", after.phone().isPresent());
            changed = true;
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(origin.event(tenant, AuditAction.USER_UPDATED, resource(after.id()))
                .withBefore(was.build()).withAfter(is.build()));
    }

    static String resource(UUID user) {
        return "users/" + user;
    }
}
