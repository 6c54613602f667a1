package io.erpcore.config;

/**
 * One broken configuration rule: which variable, where its value came from, what rule it breaks
 * (quoting the value unless it is sensitive) and a hint on how to fix it.
 */
public record ConfigViolation(String variable, String source, String rule, String hint) {

    /** One line for operators: {@code PORT (from environment): must be at most 65535, got 70000. Hint: ...}. */
    public String describe() {
        String line = variable + " (" + source + "): " + rule;
        return hint.isBlank() ? line : line + ". Hint: " + hint;
    }

    @Override
    public String toString() {
        return describe();
    }
}
