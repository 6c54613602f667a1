package io.erpcore.persistence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one run of the {@link TenancyLint} found, in a stable order (check by check, each by
 * object). The schema passes when nothing it found is an {@link LintFinding.Severity#ERROR error};
 * warnings are reported but do not fail it.
 */
public record LintReport(List<LintFinding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Whether no finding is an error. */
    public boolean passed() {
        return errors().isEmpty();
    }

    /** The findings that fail the lint. */
    public List<LintFinding> errors() {
        return findings.stream().filter(LintFinding::isError).toList();
    }

    /** The findings that are reported without failing it. */
    public List<LintFinding> warnings() {
        return findings.stream().filter(finding -> !finding.isError()).toList();
    }

    /** One line per finding ({@link LintFinding#describe()}), or {@code no findings}. */
    public String describe() {
        if (findings.isEmpty()) {
            return "no findings";
        }
        return findings.stream().map(LintFinding::describe).collect(Collectors.joining("\n"));
    }
}
