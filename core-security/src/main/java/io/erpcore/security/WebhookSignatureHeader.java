package io.erpcore.security;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Webhook-Signature} value taken apart: {@code t=<unix seconds>} exactly once, then any
 * {@code v1=<64 lower-case hex digits>}, items separated by commas with blanks around them allowed.
 * Items of other schemes ({@code v0=...}) are skipped, as Stripe does, so a sender may add a
 * scheme without breaking receivers that do not know it yet.
 *
 * @param timestamp the {@code t} value exactly as sent: the signed text is {@code <timestamp>.<body>}
 * @param epochSecond the same value as a number
 * @param signatures the decoded {@code v1} values, at most {@link #MAX_SIGNATURES}
 */
record WebhookSignatureHeader(String timestamp, long epochSecond, List<byte[]> signatures) {

    /** The most items read: a longer header is refused, so its length cannot cost unbounded work. */
    static final int MAX_ITEMS = 32;
    /** The most {@code v1} values accepted; one per secret in rotation is all a sender needs. */
    static final int MAX_SIGNATURES = 16;

    private static final int TIMESTAMP_MAX_DIGITS = 12;
    private static final int SIGNATURE_HEX_DIGITS = 64;
    private static final int SCHEME_MAX_LENGTH = 32;

    /** Copies the signatures. */
    WebhookSignatureHeader {
        Objects.requireNonNull(timestamp, "timestamp");
        signatures = List.copyOf(signatures);
    }

    /** The parts of {@code value}, or empty when it is malformed in any way. */
    static Optional<WebhookSignatureHeader> parse(String value) {
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        int start = 0;
        for (int items = 1; items <= MAX_ITEMS; items++) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            int from = AsciiText.skipBlanks(value, start, end);
            int to = AsciiText.trimBlanks(value, from, end);
            int equals = value.indexOf('=', from);
            if (equals <= from || equals >= to) {
                return Optional.empty(); // an empty item, or one without a name or a value
            }
            String scheme = value.substring(from, equals);
            String item = value.substring(equals + 1, to);
            if (scheme.equals("t")) {
                if (timestamp != null || !isTimestamp(item)) {
                    return Optional.empty();
                }
                timestamp = item;
            } else if (scheme.equals("v1")) {
                if (signatures.size() == MAX_SIGNATURES || !isSignature(item)) {
                    return Optional.empty();
                }
                signatures.add(HexFormat.of().parseHex(item));
            } else if (!isSchemeName(scheme)) {
                return Optional.empty();
            }
            if (comma < 0) {
                return timestamp == null ? Optional.empty()
                        : Optional.of(new WebhookSignatureHeader(timestamp, Long.parseLong(timestamp), signatures));
            }
            start = comma + 1;
        }
        return Optional.empty(); // more than MAX_ITEMS items
    }

    private static boolean isTimestamp(String text) {
        return !text.isEmpty() && text.length() <= TIMESTAMP_MAX_DIGITS && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Lower-case only, as {@code sign} writes it: one spelling per signature keeps the format strict. */
    private static boolean isSignature(String text) {
        return text.length() == SIGNATURE_HEX_DIGITS
                && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static boolean isSchemeName(String text) {
        return text.length() <= SCHEME_MAX_LENGTH
                && text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '-');
    }
}
