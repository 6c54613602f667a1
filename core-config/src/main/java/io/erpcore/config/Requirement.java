package io.erpcore.config;

import java.util.function.Function;

/**
 * When a variable must be set. Development never requires anything (missing secrets are
 * generated, a missing database is embedded); outside it, some variables are required, possibly
 * only while a boolean variable defined earlier in the catalogue is true.
 */
public record Requirement(boolean outsideDevelopment, String whileTrue) {

    public static final Requirement NONE = new Requirement(false, "");
    public static final Requirement OUTSIDE_DEVELOPMENT = new Requirement(true, "");

    /** Required in staging and production while {@code booleanVariable} is true. */
    public static Requirement outsideDevelopmentWhile(String booleanVariable) {
        return new Requirement(true, booleanVariable);
    }

    /** Whether the variable must be set in {@code environment}, given the values bound so far. */
    public boolean appliesIn(Environment environment, Function<String, Object> boundValues) {
        if (!outsideDevelopment || environment.isDevelopment()) {
            return false;
        }
        return whileTrue.isEmpty() || Boolean.TRUE.equals(boundValues.apply(whileTrue));
    }

    /** For {@code --help}: {@code -}, {@code staging, production}, or with its condition. */
    public String describe() {
        if (!outsideDevelopment) {
            return "-";
        }
        return whileTrue.isEmpty() ? "staging, production" : "staging, production while " + whileTrue + "=true";
    }
}
