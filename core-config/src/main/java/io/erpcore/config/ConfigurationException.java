package io.erpcore.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. Carries every violation found, never just the first, so an
 * operator fixes them all in one round; the message lists them one per line and never contains
 * a secret value.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigViolation> violations;

    public ConfigurationException(List<ConfigViolation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation, in catalogue order. */
    public List<ConfigViolation> violations() {
        return violations;
    }

    private static String render(List<ConfigViolation> violations) {
        String heading = violations.size() == 1
                ? "The configuration has 1 error:"
                : "The configuration has " + violations.size() + " errors:";
        return violations.stream()
                .map(violation -> "  - " + violation.describe())
                .collect(Collectors.joining(System.lineSeparator(), heading + System.lineSeparator(), ""));
    }
}
