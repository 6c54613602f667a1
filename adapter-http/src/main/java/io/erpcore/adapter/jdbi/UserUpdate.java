package io.erpcore.adapter.jdbi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to a user, as a PATCH carries it: absent fields stay as they are. The phone number is
 * either left, replaced ({@link #withPhone}, in plaintext: the repository encrypts it) or removed
 * ({@link #withoutPhone}). Start from {@link #none()}.
 *
 * @param removesPhone whether the phone number is removed; never together with a new one
 */
public record UserUpdate(Optional<String> displayName, Optional<String> phone, boolean removesPhone,
        Optional<List<String>> roles, Optional<String> status) {

    /** Checks each present field by the table's rules. */
    public UserUpdate {
        Objects.requireNonNull(displayName, "displayName").ifPresent(UserFields::requireDisplayName);
        Objects.requireNonNull(phone, "phone");
        roles = Objects.requireNonNull(roles, "roles").map(List::copyOf);
        Objects.requireNonNull(status, "status").ifPresent(UserFields::requireStatus);
        if (removesPhone && phone.isPresent()) {
            throw new IllegalArgumentException("a user update cannot both set and remove the phone number");
        }
    }

    /** A change of nothing. */
    public static UserUpdate none() {
        return new UserUpdate(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public UserUpdate withDisplayName(String name) {
        return new UserUpdate(Optional.of(name), phone, removesPhone, roles, status);
    }

    public UserUpdate withPhone(String number) {
        return new UserUpdate(displayName, Optional.of(number), false, roles, status);
    }

    public UserUpdate withoutPhone() {
        return new UserUpdate(displayName, Optional.empty(), true, roles, status);
    }

    public UserUpdate withRoles(List<String> newRoles) {
        return new UserUpdate(displayName, phone, removesPhone, Optional.of(newRoles), status);
    }

    public UserUpdate withStatus(String newStatus) {
        return new UserUpdate(displayName, phone, removesPhone, roles, Optional.of(newStatus));
    }

    /** The fields that change; the phone only as present or not. */
    @Override
    public String toString() {
        return "UserUpdate[displayName=" + displayName + ", phone="
                + (phone.isPresent() ? "<present>" : "<absent>") + ", removesPhone=" + removesPhone
                + ", roles=" + roles + ", status=" + status + "]";
    }
}
