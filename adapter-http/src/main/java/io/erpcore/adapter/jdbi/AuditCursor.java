package io.erpcore.adapter.jdbi;

import io.erpcore.security.audit.InvalidAuditCursorException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A position in a tenant's audit trail, listed newest first: the sequence number of the last
 * event of the page before. On the wire it is opaque, base64url without padding of a version
 * byte and the number's 8 bytes; anything else is refused, so a tampered cursor is a 400.
 */
final class AuditCursor {

    private static final byte VERSION = 1;
    private static final int BYTES = 9;
    private static final int TEXT_LENGTH = 12;

    private AuditCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(BYTES).put(VERSION).putLong(seq).array());
    }

    /** The sequence number {@code text} names: the next page holds events below it. */
    static long decode(String text) {
        byte[] bytes;
        try {
            bytes = text.length() == TEXT_LENGTH ? Base64.getUrlDecoder().decode(text) : new byte[0];
        } catch (IllegalArgumentException notBase64) {
            bytes = new byte[0];
        }
        if (bytes.length != BYTES || bytes[0] != VERSION) {
            throw new InvalidAuditCursorException();
        }
        long seq = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
        if (seq < 1) {
            throw new InvalidAuditCursorException();
        }
        return seq;
    }
}
