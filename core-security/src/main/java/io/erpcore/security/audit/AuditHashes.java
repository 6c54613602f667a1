package io.erpcore.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The default audit hash: SHA-256, in lower-case hex, over the canonical form of an event.
 *
 * <p>Canonical form, version 1: the fields below in this order, each written as a netstring
 * ({@code <length in UTF-8 bytes>:<value>,}), the whole encoded in UTF-8:
 * <ol>
 *   <li>the constant {@code erp-audit-v1}, so a future form never collides with this one;
 *   <li>{@code prevHash};
 *   <li>the tenant id (UUIDs here and below in canonical lower-case form);
 *   <li>{@code seq} in decimal;
 *   <li>the event id;
 *   <li>{@code at} in UTC with exactly six fraction digits, {@code 2025-03-01T09:30:00.123456Z};
 *   <li>{@code action};
 *   <li>the actor id, or the empty string for none;
 *   <li>{@code resource};
 *   <li>the correlation id, or the empty string for none;
 *   <li>{@code before}, then {@code after}: the JSON text as stored (PostgreSQL's {@code jsonb}
 *       text form), or the empty string for none.
 * </ol>
 * Lengths make the form unambiguous whatever the values contain; an empty value means absent,
 * because present ones (UUIDs, correlation ids, JSON texts) are never empty.
 */
public final class AuditHashes {

    private static final String VERSION = "erp-audit-v1";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditHashes() {
    }

    /** The SHA-256 hasher over {@link #canonical}. */
    public static AuditHasher sha256() {
        return draft -> sha256(canonical(draft));
    }

    /** The canonical form of {@code draft}, as described above. */
    public static String canonical(AuditDraft draft) {
        StringBuilder form = new StringBuilder(256);
        for (String field : new String[] {VERSION, draft.prevHash(), draft.tenantId().toString(),
                Long.toString(draft.seq()), draft.id().toString(), AT.format(draft.at()), draft.action(),
                draft.actorId().map(UUID::toString).orElse(""), draft.resource(), draft.correlationId().orElse(""),
                draft.before().orElse(""), draft.after().orElse("")}) {
            form.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(',');
        }
        return form.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
