package io.erpcore.security;

import io.erpcore.config.Secret;
import java.util.Objects;

/**
 * A freshly generated API key: the {@code key} shown to its creator once, the {@code prefix} that
 * identifies it in listings and logs, and the {@code hash} stored in its place.
 *
 * @param key the whole key; never in {@code toString}
 * @param prefix ten characters {@code [a-z0-9]}, safe to show
 * @param hash the lower-hex SHA-256 of {@code key}
 */
public record NewApiKey(String key, String prefix, String hash) {

    /** Refuses missing parts. */
    public NewApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
    }

    /** The prefix and hash; the key masked. */
    @Override
    public String toString() {
        return "NewApiKey[key=" + Secret.MASK + ", prefix=" + prefix + ", hash=" + hash + "]";
    }
}
