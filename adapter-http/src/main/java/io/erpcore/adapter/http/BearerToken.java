package io.erpcore.adapter.http;

import io.erpcore.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks an {@code Authorization: Bearer} header against a configured token in constant time. */
final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    private BearerToken(byte[] expected) {
        this.expected = expected;
    }

    static BearerToken of(Secret token) {
        return new BearerToken(token.reveal().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code authorization} is {@code Bearer <value>} with a value that is not blank. */
    static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && !authorization.substring(PREFIX.length()).isBlank();
    }

    boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] presented = authorization.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented);
    }
}
