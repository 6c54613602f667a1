package io.erpcore.security;

/** Safe quoting of request input in messages that may reach logs or an answer. */
final class QuotedInput {

    /** How much of an input a message repeats: enough to recognise it, never a flood. */
    static final int LIMIT = 60;

    private QuotedInput() {
    }

    /**
     * {@code text} in single quotes, cut at {@link #LIMIT} characters, with control characters shown
     * as {@code ?} so that a crafted header cannot forge log lines.
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), LIMIT);
        StringBuilder quoted = new StringBuilder(shown + 2).append('\'');
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            quoted.append(Character.isISOControl(c) ? '?' : c);
        }
        quoted.append('\'');
        return text.length() > LIMIT
                ? quoted + " (first " + LIMIT + " of " + text.length() + " characters)"
                : quoted.toString();
    }
}
