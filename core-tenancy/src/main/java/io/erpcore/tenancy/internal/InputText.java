package io.erpcore.tenancy.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of identifiers that arrive as text, and safe quoting of that text in messages. */
public final class InputText {

    /** How much of a refused input a message repeats: enough to recognise it, never a flood. */
    public static final int QUOTE_LIMIT = 40;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private InputText() {
    }

    /** The UUID in {@code text} if it is the canonical 36-character form (any case, surrounding blanks ignored). */
    public static Optional<UUID> parseUuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        return isCanonicalUuid(trimmed) ? Optional.of(UUID.fromString(trimmed)) : Optional.empty();
    }

    // UUID.fromString alone is lenient ("1-1-1-1-1" parses); only the canonical 8-4-4-4-12 form is
    // accepted. Checked by hand, not by regular expression: every tenant request parses one or two.
    private static boolean isCanonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean valid = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is a slug: a lower-case DNS label of 1 to 63 letters, digits and inner hyphens. */
    public static boolean isSlug(String text) {
        return text != null && SLUG.matcher(text).matches();
    }

    /**
     * {@code text} in single quotes for an error message: at most {@link #QUOTE_LIMIT} characters,
     * control characters shown as {@code ?} so a crafted value cannot forge log lines.
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) : text;
        String safe = shown.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return text.length() > QUOTE_LIMIT
                ? "'" + safe + "' (first " + QUOTE_LIMIT + " of " + text.length() + " characters)"
                : "'" + safe + "'";
    }
}
