package io.erpcore.security;

/**
 * Case and blank handling for header text, ASCII only: header names and origins are ASCII, and
 * Unicode case rules would let look-alikes match (the Kelvin sign lower-cases to {@code k}).
 */
final class AsciiText {

    private AsciiText() {
    }

    /** {@code text} with A-Z lower-cased; the same instance when it has none, so the usual case allocates nothing. */
    static String toLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] lower = text.toCharArray();
                for (int j = i; j < lower.length; j++) {
                    lower[j] = lower(lower[j]);
                }
                return new String(lower);
            }
        }
        return text;
    }

    /** Whether {@code text[from, to)} equals {@code expected}, ignoring the case of ASCII letters. */
    static boolean equalsIgnoreCase(String expected, String text, int from, int to) {
        if (to - from != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (lower(expected.charAt(i)) != lower(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    /** The first index in {@code [from, to)} that is not a space or tab, or {@code to}. */
    static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code text[from, to)} without trailing spaces and tabs. */
    static int trimBlanks(String text, int from, int to) {
        int i = to;
        while (i > from && isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
