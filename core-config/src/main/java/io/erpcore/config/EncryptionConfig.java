package io.erpcore.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.util.List;

/** The field-encryption master key and the keys it replaced, which still decrypt. */
public record EncryptionConfig(
        @Variable("ENCRYPTION_KEY") @StrongSecret(minBytes = 32, base64 = true, groups = OutsideDevelopment.class) Secret key,
        @Variable("ENCRYPTION_KEY_ID") @Min(1) int keyId,
        @Variable("ENCRYPTION_PREVIOUS_KEYS") List<@Valid EncryptionKey> previousKeys) {

    /** The key that encrypts new data. */
    public EncryptionKey currentKey() {
        return new EncryptionKey(keyId, key);
    }

    @Variable(value = "ENCRYPTION_PREVIOUS_KEYS", reads = "ENCRYPTION_KEY_ID")
    @AssertTrue(message = "must use key ids that differ from each other and from ENCRYPTION_KEY_ID")
    public boolean isEveryKeyIdDistinct() {
        return previousKeys.stream().map(EncryptionKey::id).distinct().count() == previousKeys.size()
                && previousKeys.stream().noneMatch(previous -> previous.id() == keyId);
    }
}
