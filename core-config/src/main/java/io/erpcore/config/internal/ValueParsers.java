package io.erpcore.config.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text-to-value parsers of the value types; each failure names the rule, never the secret. */
public final class ValueParsers {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private ValueParsers() {
    }

    public static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number", e);
        }
    }

    public static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** A duration with a unit, as in {@code 30s}, {@code 15m}, {@code 7d}. */
    public static Duration duration(String text) {
        Matcher duration = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!duration.matches()) {
            throw new IllegalArgumentException("must be a duration with a unit, such as 30s, 15m or 7d (units: ms, s, m, h, d)");
        }
        long amount = Long.parseLong(duration.group(1));
        return switch (duration.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A whole, non-negative number of milliseconds, as the {@code *_MS} variables are written. */
    public static Duration milliseconds(String text) {
        try {
            long millis = Long.parseLong(text.strip());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("must be a whole, non-negative number of milliseconds");
    }

    /** Comma-separated entries, trimmed; empty entries are dropped. */
    public static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    public static <T> List<T> entries(String text, Function<String, T> entry) {
        return list(text).stream().map(entry).toList();
    }

    public static <E extends Enum<E>> E constant(Class<E> type, String text, String ids) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + ids));
    }
}
