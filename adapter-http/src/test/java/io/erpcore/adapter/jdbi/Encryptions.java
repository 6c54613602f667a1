package io.erpcore.adapter.jdbi;

import io.erpcore.config.EncryptionConfig;
import io.erpcore.config.EncryptionKey;
import io.erpcore.config.Secret;
import io.erpcore.security.FieldEncryption;
import java.util.List;

/** Test data: field encryption with keys the test chooses, as {@code ENCRYPTION_*} would configure it. */
public final class Encryptions {

    private Encryptions() {
    }

    /** A fresh random 32-byte master key, base64 as {@code ENCRYPTION_KEY} holds it. */
    public static Secret randomKey() {
        return Secret.generate(EncryptionKey.KEY_BYTES);
    }

    /** Encryption under a fresh random key with id 1. */
    public static FieldEncryption random() {
        return under(1, randomKey());
    }

    /** Encryption under {@code key} as key {@code keyId}; {@code previous} keys decrypt only. */
    public static FieldEncryption under(int keyId, Secret key, EncryptionKey... previous) {
        return FieldEncryption.from(new EncryptionConfig(key, keyId, List.of(previous)));
    }
}
