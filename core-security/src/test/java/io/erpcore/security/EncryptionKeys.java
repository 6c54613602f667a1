package io.erpcore.security;

import io.erpcore.config.EncryptionConfig;
import io.erpcore.config.EncryptionKey;
import io.erpcore.config.Secret;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Test data: master keys and {@code ENCRYPTION_*} configurations made of them. */
final class EncryptionKeys {

    private EncryptionKeys() {
    }

    /** A key of 32 bytes, all {@code fill}, as base64: distinct fills give distinct keys. */
    static Secret key(int fill) {
        byte[] bytes = new byte[EncryptionKey.KEY_BYTES];
        Arrays.fill(bytes, (byte) fill);
        return Secret.of(Base64.getEncoder().encodeToString(bytes));
    }

    /** {@code current} as key {@code currentId}, with {@code previous} keys decrypting only. */
    static EncryptionConfig config(int currentId, Secret current, EncryptionKey... previous) {
        return new EncryptionConfig(current, currentId, List.of(previous));
    }

    /** Key {@code id} made of {@code fill}, for {@code ENCRYPTION_PREVIOUS_KEYS}. */
    static EncryptionKey previous(int id, int fill) {
        return new EncryptionKey(id, key(fill));
    }
}
