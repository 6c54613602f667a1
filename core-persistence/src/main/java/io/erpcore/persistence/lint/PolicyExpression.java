package io.erpcore.persistence.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a row-level security policy expression as PostgreSQL prints it
 * ({@code pg_get_expr(polqual, polrelid)}) and tells whether it fails closed: whether every row it
 * lets through has a given column equal to the tenant of the transaction's {@code app.tenant_id}
 * setting, read through {@code nullif(..., '')} so that an unset or reset setting matches no row;
 * or, where allowed, whether it requires the platform scope ({@code app.platform = 'on'}).
 *
 * <p>Deliberately narrow: an expression is scoped when it is such a comparison, an AND with at least
 * one scoped operand, or an OR whose operands are all scoped. Anything else ({@code true}, a
 * {@code coalesce} fallback, a function call, a sub-select with a FROM) counts as not scoped, so a
 * doubtful policy raises a false alarm rather than hiding a leak.
 */
public final class PolicyExpression {

    private static final Pattern CAST = Pattern.compile("::\\w+(\\[])?");
    private static final Pattern NOISE = Pattern.compile("[\\s()\"]+");
    private static final Pattern TENANT_SETTING = Pattern.compile(
            "(select)?nullifcurrent_setting'app\\.tenant_id'(,(true|false))?,''(as\\w+)?");
    private static final Pattern PLATFORM_SCOPE = Pattern.compile("(select)?(coalesce)?(nullif)?"
            + "current_setting'app\\.platform'(,(true|false))?(,'')?(,'off')?='on'(as\\w+)?");

    private PolicyExpression() {
    }

    /** Whether {@code expression} lets a row through only where {@code column} equals {@code app.tenant_id}. */
    public static boolean scopedToTenant(String expression, String column) {
        return scoped(expression, column, false);
    }

    /** As {@link #scopedToTenant}, with the platform scope ({@code app.platform = 'on'}) allowed too, as on {@code tenants}. */
    public static boolean scopedToTenantOrPlatform(String expression, String column) {
        return scoped(expression, column, true);
    }

    private static boolean scoped(String expression, String column, boolean platformAllowed) {
        String text = unwrap(expression.strip());
        List<String> anyOf = splitTopLevel(text, " OR ");
        if (anyOf.size() > 1) {
            return anyOf.stream().allMatch(part -> scoped(part, column, platformAllowed));
        }
        List<String> allOf = splitTopLevel(text, " AND ");
        if (allOf.size() > 1) {
            return allOf.stream().anyMatch(part -> scoped(part, column, platformAllowed));
        }
        return comparesWithTenant(text, column)
                || platformAllowed && PLATFORM_SCOPE.matcher(normalize(text)).matches();
    }

    private static boolean comparesWithTenant(String comparison, String column) {
        List<String> sides = splitTopLevel(comparison, " = ");
        if (sides.size() != 2) {
            return false;
        }
        return isColumn(sides.get(0), column) && isTenantSetting(sides.get(1))
                || isColumn(sides.get(1), column) && isTenantSetting(sides.get(0));
    }

    private static boolean isColumn(String side, String column) {
        return Pattern.matches("(\\w+\\.)?" + Pattern.quote(column), normalize(side));
    }

    private static boolean isTenantSetting(String side) {
        return TENANT_SETTING.matcher(normalize(side)).matches();
    }

    // Casts, blanks, parentheses and identifier quotes carry nothing the fixed patterns need.
    private static String normalize(String text) {
        return NOISE.matcher(CAST.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("");
    }

    // A sub-select keeps its parentheses: its inner AND/OR belong to its WHERE, not to the policy.
    private static String unwrap(String text) {
        String current = text;
        while (current.startsWith("(") && closing(current) == current.length() - 1) {
            String inner = current.substring(1, current.length() - 1).strip();
            if (inner.regionMatches(true, 0, "SELECT ", 0, 7)) {
                return current;
            }
            current = inner;
        }
        return current;
    }

    private static int closing(String text) {
        Scanner scanner = new Scanner();
        for (int i = 0; i < text.length(); i++) {
            scanner.advance(text.charAt(i));
            if (scanner.depth == 0 && !scanner.quoted()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String text, String separator) {
        List<String> parts = new ArrayList<>();
        Scanner scanner = new Scanner();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (scanner.depth == 0 && !scanner.quoted() && text.regionMatches(true, i, separator, 0, separator.length())) {
                parts.add(text.substring(start, i));
                start = i + separator.length();
                i = start - 1;
                continue;
            }
            scanner.advance(text.charAt(i));
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Tracks parenthesis depth outside string literals and quoted identifiers. */
    private static final class Scanner {
        private int depth;
        private char quote;

        void advance(char c) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }

        boolean quoted() {
            return quote != 0;
        }
    }
}
