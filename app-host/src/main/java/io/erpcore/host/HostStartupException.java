package io.erpcore.host;

import java.util.Optional;

/**
 * A start-up step failed in a way the operator must fix; carries the process exit code and, when
 * the step knows better than its phase, a hint. The phase runner turns it into a
 * {@link BootstrapException} that names the phase.
 */
final class HostStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String hint;

    HostStartupException(int exitCode, String message, Throwable cause) {
        this(exitCode, message, null, cause);
    }

    HostStartupException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    int exitCode() {
        return exitCode;
    }

    Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
