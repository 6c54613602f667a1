package io.erpcore.logging.internal;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of sensitive keys in free text: {@code key=value}, {@code key: value},
 * {@code "key":"value"}, and bearer tokens standing alone.
 *
 * <p>A quoted value is masked up to its closing quote. Otherwise a value after {@code =} ends at
 * white space, a quote, a closing bracket or one of {@code & , ;}, as in logfmt and query
 * strings; a value after {@code :} runs to the end of the line (or a quote or closing bracket),
 * as a header does, so every cookie of a {@code Cookie:} line is masked; after a quoted key the
 * value is JSON, ends at a comma or closing bracket, and is masked as a JSON string. An
 * authorization scheme ({@code Bearer}, {@code Basic}, ...) stays readable, its credentials do not.
 *
 * <p>Runs in linear time: every quantifier is possessive and a key may only start where no key
 * character precedes it, so no position is scanned more than a constant number of times.
 */
public final class TextMasking {

    private static final Pattern KEY = Pattern.compile(
            "(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]++)([\"']?+)[ \\t]*+([:=])[ \\t]*+");
    private static final Pattern SCHEME = Pattern.compile("(?i)(?:bearer|basic|digest|token)[ \\t]++(?=\\S)");
    // At least eight token characters, so that prose such as "bearer of bad news" survives.
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)[ \\t]++[A-Za-z0-9._~+/=-]{8,}+");

    private static final String JSON_STOPS = ",]} \t\r\n";
    private static final String ASSIGNMENT_STOPS = "&,;\"')]} \t\r\n";
    private static final String HEADER_STOPS = "\"]}\r\n";

    private final String text;
    private final Predicate<String> sensitive;
    private final String mask;
    private final StringBuilder out;
    private int copied;

    private TextMasking(String text, Predicate<String> sensitive, String mask) {
        this.text = text;
        this.sensitive = sensitive;
        this.mask = mask;
        this.out = new StringBuilder(text.length() + 16);
    }

    /** {@code text} with the values of sensitive keys replaced by {@code mask}. */
    public static String mask(String text, Predicate<String> sensitive, String mask) {
        String keyed = new TextMasking(text, sensitive, mask).maskKeyedValues();
        return BEARER.matcher(keyed).replaceAll("$1 " + Matcher.quoteReplacement(mask));
    }

    private String maskKeyedValues() {
        Matcher key = KEY.matcher(text);
        int from = 0;
        while (from < text.length() && key.find(from)) {
            from = sensitive.test(key.group(1)) ? maskValue(key) : key.end();
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    /** Masks the value that follows {@code key}'s separator; returns where scanning goes on. */
    private int maskValue(Matcher key) {
        int start = key.end();
        char open = start < text.length() ? text.charAt(start) : ' ';
        if (open == '"' || open == '\'') {
            int close = closingQuote(start + 1, open);
            replace(start + 1, close, false);
            return Math.min(close + 1, text.length());
        }
        boolean json = !key.group(2).isEmpty();
        Matcher scheme = SCHEME.matcher(text).region(start, text.length());
        int valueStart = !json && scheme.lookingAt() ? scheme.end() : start;
        String stops = json ? JSON_STOPS : key.group(3).equals("=") ? ASSIGNMENT_STOPS : HEADER_STOPS;
        int end = unquotedEnd(valueStart, stops);
        replace(valueStart, end, json);
        return end;
    }

    private int closingQuote(int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private int unquotedEnd(int from, String stops) {
        int i = from;
        while (i < text.length() && stops.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private void replace(int start, int end, boolean quoted) {
        if (end <= start) {
            return;
        }
        out.append(text, copied, start).append(quoted ? '"' + mask + '"' : mask);
        copied = end;
    }
}
