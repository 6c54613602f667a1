package io.erpcore.persistence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement as logs and metrics show it: whitespace collapsed, quoted literals and numbers
 * replaced by {@code ?}, so no value that reached the text (bound values never do) is shown; plus
 * the operation ({@code select}, {@code insert}, ...) and the first table it names, as metric labels.
 */
public record SqlShape(String text, String operation, String table) {

    private static final int MAX_LENGTH = 500;
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*+'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$])\\d+(?:\\.\\d+)?+");
    private static final Pattern BLANKS = Pattern.compile("\\s++");
    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(?:from|into|update|join)\\s++(?:only\\s++)?\"?+([a-z_][a-z0-9_$]*+(?:\\.[a-z_][a-z0-9_$]*+)?+)");

    /** The shape of {@code sql}. */
    public static SqlShape of(String sql) {
        String text = BLANKS.matcher(NUMBER.matcher(QUOTED.matcher(sql).replaceAll("?")).replaceAll("?"))
                .replaceAll(" ").strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH) + "...";
        }
        return new SqlShape(text, operationOf(text), tableOf(text));
    }

    private static String operationOf(String text) {
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end == 0 ? "other" : text.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String tableOf(String text) {
        Matcher table = TABLE.matcher(text);
        return table.find() ? table.group(1).toLowerCase(Locale.ROOT) : "none";
    }
}
