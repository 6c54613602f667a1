package io.erpcore.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code .env} format. Each line is {@code KEY=VALUE}, optionally prefixed by
 * {@code export}; blank lines and lines starting with {@code #} are skipped. An unquoted value
 * is trimmed and ends at {@code " #"} (a comment); a single-quoted value is taken literally; a
 * double-quoted value understands {@code \n}, {@code \t}, {@code \"} and {@code \\} and may
 * span lines. A later line for the same key wins, as in a shell.
 *
 * <p>Malformed lines are reported by number only, never by content: an {@code .env} file is
 * where secrets live.
 */
public final class DotEnvFile {

    /** The source name operators see for values from this file. */
    public static final String SOURCE_NAME = ".env";

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");

    private DotEnvFile() {
    }

    /** The variables of {@code file}; a missing file is an empty source, not an error. */
    public static MapConfigSource load(Path file) {
        if (!Files.exists(file)) {
            return MapConfigSource.of(SOURCE_NAME, Map.of());
        }
        try {
            return MapConfigSource.of(SOURCE_NAME, parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** Parses {@code .env} content; every malformed line is reported at once. */
    public static Map<String, String> parse(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ConfigViolation> problems = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (!assignment.matches()) {
                problems.add(malformed(i + 1, "is not KEY=VALUE"));
                continue;
            }
            int firstLine = i;
            String rest = assignment.group(2);
            if (rest.startsWith("\"")) {
                StringBuilder quoted = new StringBuilder(rest.substring(1));
                while (closingQuote(quoted) < 0 && i + 1 < lines.length) {
                    quoted.append('\n').append(lines[++i]);
                }
                int end = closingQuote(quoted);
                if (end < 0) {
                    problems.add(malformed(firstLine + 1, "opens a double quote that is never closed"));
                    continue;
                }
                values.put(assignment.group(1), unescape(quoted.substring(0, end)));
            } else if (rest.startsWith("'")) {
                int end = rest.indexOf('\'', 1);
                if (end < 0) {
                    problems.add(malformed(firstLine + 1, "opens a single quote that is never closed"));
                    continue;
                }
                values.put(assignment.group(1), rest.substring(1, end));
            } else {
                values.put(assignment.group(1), stripComment(rest).strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return values;
    }

    private static ConfigViolation malformed(int lineNumber, String problem) {
        return new ConfigViolation(SOURCE_NAME + " line " + lineNumber, SOURCE_NAME, problem,
                "write KEY=VALUE; quote values that contain spaces or #");
    }

    private static int closingQuote(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripComment(String value) {
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment);
    }
}
