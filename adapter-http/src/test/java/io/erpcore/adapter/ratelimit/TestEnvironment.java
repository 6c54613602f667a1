package io.erpcore.adapter.ratelimit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs is missing: skipped with the reason on a developer's
 * machine, failed under {@code CI=true}, where a skipped test would pass a build that proved nothing.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** Whether this run is a CI run ({@code CI=true}, as GitHub Actions, GitLab and most others set it). */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test with {@code reason}, or fails it under {@code CI=true}; never returns. */
    public static RuntimeException skipOrFail(String reason) {
        if (onCi()) {
            Assertions.fail(reason + " (CI=true: a missing service fails the run instead of skipping the test)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable: abort always throws");
    }
}
