package io.erpcore.host;

/** A start-up phase failed in a way the operator must fix; carries the process exit code. */
final class HostStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    HostStartupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
