package io.erpcore.adapter.jdbi;

import java.util.Objects;

/** An API key with the hash its presented secret is checked against; {@link #toString()} leaves the hash out. */
public record ApiKeyCredential(ApiKeyRow key, String keyHash) {

    /** Refuses missing fields. */
    public ApiKeyCredential {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyHash, "keyHash");
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[key=" + key + ", keyHash=<redacted>]";
    }
}
