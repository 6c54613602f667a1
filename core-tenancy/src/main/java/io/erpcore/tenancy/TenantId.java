package io.erpcore.tenancy;

import io.erpcore.tenancy.internal.InputText;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a tenant: a UUID, written in canonical lower-case form. Equal ids are equal
 * however their text was spelled.
 */
public record TenantId(UUID value) {

    /** Refuses a missing value; every UUID is a possible tenant id. */
    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    /** The tenant with id {@code value}. */
    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    /**
     * The tenant id written in {@code text}: the canonical 36-character UUID form, in any case,
     * surrounding blanks ignored.
     *
     * @throws InvalidTenantIdException for anything else (no dashes, braces, {@code 123}, empty,
     *     null); the message quotes at most the first 40 characters of {@code text}
     */
    public static TenantId parse(String text) {
        return InputText.parseUuid(text)
                .map(TenantId::new)
                .orElseThrow(() -> new InvalidTenantIdException(
                        "tenant id must be a UUID (8-4-4-4-12 hex digits) but was " + InputText.quote(text)));
    }

    /** A new random (version 4) tenant id. */
    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    /** The canonical lower-case UUID, e.g. {@code 3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a}. */
    @Override
    public String toString() {
        return value.toString();
    }
}
