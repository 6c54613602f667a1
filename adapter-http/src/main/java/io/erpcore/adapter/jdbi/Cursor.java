package io.erpcore.adapter.jdbi;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A position in a list ordered by {@code (created_at, id)}: the last row of the page before. On
 * the wire it is opaque: base64url without padding of 24 bytes, the creation time in microseconds
 * since the epoch (PostgreSQL's precision) then the id's 16 bytes, big-endian. Anything else is
 * refused, so a tampered cursor is a 400, never a database error.
 */
record Cursor(Instant createdAt, UUID id) {

    private static final int BYTES = 24;
    private static final int TEXT_LENGTH = 32;
    // timestamptz reaches further, but no row of ours was created outside these years.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The cursor of the page after the one ending at ({@code createdAt}, {@code id}). */
    static String encode(Instant createdAt, UUID id) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).putLong(micros)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The position {@code text} names, or empty for the first page when there is no text. */
    static Optional<Cursor> decode(Optional<String> text) {
        return text.map(Cursor::decode);
    }

    /**
     * The limit itself, if it lies in {@code 1..max}.
     *
     * @throws InvalidPageRequestException otherwise
     */
    static int requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidPageRequestException("'limit' must be between 1 and " + max + " but was " + limit);
        }
        return limit;
    }

    /**
     * The page of {@code rows}, which were fetched with a limit of {@code limit + 1}: a row beyond
     * the limit means there is a next page, which starts after the page's last row.
     */
    static <T> Page<T> page(List<T> rows, int limit, Function<T, Instant> createdAt, Function<T, UUID> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        T last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), Optional.of(encode(createdAt.apply(last), id.apply(last))));
    }

    private static Cursor decode(String text) {
        byte[] bytes;
        try {
            bytes = text.length() == TEXT_LENGTH ? Base64.getUrlDecoder().decode(text) : new byte[0];
        } catch (IllegalArgumentException notBase64) {
            bytes = new byte[0];
        }
        if (bytes.length != BYTES) {
            throw malformed();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Instant createdAt = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
        if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
            throw malformed();
        }
        return new Cursor(createdAt, new UUID(buffer.getLong(), buffer.getLong()));
    }

    // The text is not quoted: it is arbitrary input and says nothing a reader of the message needs.
    private static InvalidPageRequestException malformed() {
        return new InvalidPageRequestException("'cursor' is not a cursor this list handed out");
    }
}
