package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stored value cannot be decrypted: its text is not a ciphertext of ours, it names a key this
 * configuration does not hold, or it fails authentication (tampered, or copied from another
 * tenant or column). The message names the tenant, the column, the key id and the reason, never
 * the ciphertext or the plaintext. It is not the caller's fault: the HTTP layer answers 500.
 */
public final class FieldDecryptionException extends ErpSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why a value does not decrypt. */
    public enum Reason {
        /** The text is not {@code v1.<keyId>.<payload>} with a well-formed payload. */
        MALFORMED("malformed ciphertext"),
        /** The key id is neither {@code ENCRYPTION_KEY_ID} nor one of {@code ENCRYPTION_PREVIOUS_KEYS}. */
        UNKNOWN_KEY_ID("unknown key id"),
        /** The GCM tag does not match: wrong key, tenant or column, or altered bytes. */
        AUTHENTICATION_FAILED("authentication failed");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** Lower-case words, as the message quotes them. */
        public String description() {
            return description;
        }
    }

    // Exceptions of this module are never serialized; TenantId and EncryptedColumn are not Serializable.
    private final transient TenantId tenant;
    private final transient EncryptedColumn column;
    private final int keyId;
    private final Reason reason;

    private FieldDecryptionException(TenantId tenant, EncryptedColumn column, int keyId, Reason reason, String detail,
            Throwable cause) {
        super("Cannot decrypt " + column + " of tenant '" + tenant + "' ("
                + (keyId > 0 ? "key id " + keyId : "no key id") + "): " + reason.description()
                + (detail.isEmpty() ? "" : ": " + detail), cause);
        this.tenant = tenant;
        this.column = column;
        this.keyId = keyId;
        this.reason = reason;
    }

    /** A text that is not a ciphertext; {@code detail} says what is wrong without quoting it. */
    static FieldDecryptionException malformed(TenantId tenant, EncryptedColumn column, OptionalInt keyId, String detail) {
        return new FieldDecryptionException(tenant, column, keyId.orElse(0), Reason.MALFORMED, detail, null);
    }

    /** A ciphertext under key {@code keyId}, which this configuration does not hold. */
    static FieldDecryptionException unknownKeyId(TenantId tenant, EncryptedColumn column, int keyId) {
        return new FieldDecryptionException(tenant, column, keyId, Reason.UNKNOWN_KEY_ID, "", null);
    }

    /** A ciphertext under key {@code keyId} whose tag does not verify. */
    static FieldDecryptionException authenticationFailed(TenantId tenant, EncryptedColumn column, int keyId,
            Throwable cause) {
        return new FieldDecryptionException(tenant, column, keyId, Reason.AUTHENTICATION_FAILED, "",
                Objects.requireNonNull(cause, "cause"));
    }

    /** The tenant the value was read for. */
    public TenantId tenant() {
        return tenant;
    }

    /** The column the value was read from. */
    public EncryptedColumn column() {
        return column;
    }

    /** The key id the text names; empty when the text is too malformed to name one. */
    public OptionalInt keyId() {
        return keyId > 0 ? OptionalInt.of(keyId) : OptionalInt.empty();
    }

    /** Why the value does not decrypt. */
    public Reason reason() {
        return reason;
    }
}
