package io.erpcore.persistence;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing the {@link TenancyLint} found wrong with a schema: how bad it is, which check found
 * it (a stable code such as {@code RLS_NOT_FORCED}), the object it concerns (such as
 * {@code public.invoices}, {@code public.invoices_by_customer (view)} or {@code role erp_app}),
 * what is wrong and what to do about it.
 */
public record LintFinding(Severity severity, String check, String object, String problem, String fix) {

    private static final Pattern CHECK_CODE = Pattern.compile("[A-Z][A-Z0-9_]*+");
    private static final Pattern BLANKS = Pattern.compile("\\s++");

    /** How a finding weighs: an error fails the lint (and, outside development, the start); a warning does not. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public LintFinding {
        Objects.requireNonNull(severity, "'severity' must not be null");
        requireText("check", check);
        requireText("object", object);
        requireText("problem", problem);
        requireText("fix", fix);
        if (!CHECK_CODE.matcher(check).matches()) {
            throw new IllegalArgumentException("'check' must be an upper-case code like RLS_NOT_FORCED but was '" + check + "'");
        }
    }

    /** Whether this finding fails the lint. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The finding on one line: {@code ERROR RLS_NOT_FORCED public.invoices: <problem> Fix: <fix>}. */
    public String describe() {
        return BLANKS.matcher(severity + " " + check + " " + object + ": " + problem + " Fix: " + fix).replaceAll(" ");
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must not be blank but was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
