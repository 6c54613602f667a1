package io.erpcore.security;

import io.erpcore.config.Secret;
import java.util.Objects;

/**
 * A freshly generated bearer credential: the {@code token} the client receives once, and the
 * {@code hash} that is stored in its place.
 *
 * @param token the credential itself; never in {@code toString}
 * @param hash the lower-hex SHA-256 of {@code token}
 */
public record OpaqueCredential(String token, String hash) {

    /** Refuses missing parts. */
    public OpaqueCredential {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hash, "hash");
    }

    /** The hash; the token masked. */
    @Override
    public String toString() {
        return "OpaqueCredential[token=" + Secret.MASK + ", hash=" + hash + "]";
    }
}
