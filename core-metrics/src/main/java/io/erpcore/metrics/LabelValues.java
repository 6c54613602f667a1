package io.erpcore.metrics;

import java.util.Locale;

/**
 * Makes label values safe to export: no control characters, bounded length, and closed sets where
 * a client could otherwise invent values (each new value is a new time series).
 */
public final class LabelValues {

    /** The longest label value kept; longer values are cut. */
    public static final int MAX_LENGTH = 120;
    /** The method label of a request whose method is not a standard HTTP method. */
    public static final String OTHER_METHOD = "OTHER";
    /** The status_code label of a status outside 100..599. */
    public static final String OTHER_STATUS = "other";

    private static final String[] STATUS_CODES = statusCodes();

    private LabelValues() {
    }

    /** {@code value} without ISO control characters and cut to {@value #MAX_LENGTH} characters; {@code null} becomes "". */
    public static String sanitize(String value) {
        if (value == null) {
            return "";
        }
        // The common case, a clean short value, returns the same instance without allocating.
        return value.length() <= MAX_LENGTH && !hasControlCharacter(value) ? value : cleaned(value);
    }

    /**
     * The upper-case standard method, or {@value #OTHER_METHOD}: the method is chosen by the
     * client, and an arbitrary one must not create a new series.
     */
    public static String method(String method) {
        if (method == null) {
            return OTHER_METHOD;
        }
        String known = standardMethod(method);
        return known != null ? known : standardMethodOrOther(method.toUpperCase(Locale.ROOT));
    }

    /** The status code as a label value, from a cache for 100..599; any other code is {@value #OTHER_STATUS}. */
    public static String statusCode(int statusCode) {
        return statusCode >= 100 && statusCode <= 599 ? STATUS_CODES[statusCode - 100] : OTHER_STATUS;
    }

    private static String standardMethodOrOther(String upperCase) {
        String known = standardMethod(upperCase);
        return known != null ? known : OTHER_METHOD;
    }

    // Returns the constant, so label values share one instance per method.
    private static String standardMethod(String method) {
        return switch (method) {
            case "GET" -> "GET";
            case "HEAD" -> "HEAD";
            case "POST" -> "POST";
            case "PUT" -> "PUT";
            case "PATCH" -> "PATCH";
            case "DELETE" -> "DELETE";
            case "OPTIONS" -> "OPTIONS";
            case "TRACE" -> "TRACE";
            case "CONNECT" -> "CONNECT";
            default -> null;
        };
    }

    private static String cleaned(String value) {
        StringBuilder clean = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
        for (int i = 0; i < value.length() && clean.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            if (!Character.isISOControl(c)) {
                clean.append(c);
            }
        }
        return withoutTrailingHighSurrogate(clean).toString();
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // Cutting between the two halves of a surrogate pair would leave invalid UTF-16.
    private static StringBuilder withoutTrailingHighSurrogate(StringBuilder value) {
        int last = value.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(value.charAt(last))) {
            value.setLength(last);
        }
        return value;
    }

    private static String[] statusCodes() {
        String[] codes = new String[500];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = Integer.toString(100 + i);
        }
        return codes;
    }
}
