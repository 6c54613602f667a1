package io.erpcore.host;

/**
 * The process exit codes of the host, documented in the README so that supervisors can tell a
 * configuration mistake from a crash.
 */
public final class ExitCode {

    /** Clean stop, or a command that did what was asked. */
    public static final int OK = 0;
    /** Something failed that no other code describes; the log has the stack trace. */
    public static final int UNEXPECTED = 1;
    /** The command line itself is wrong: an unknown flag, a missing value (BSD sysexits EX_USAGE). */
    public static final int USAGE = 64;
    /** The tenancy lint found a schema that does not isolate tenants (BSD sysexits EX_DATAERR). */
    public static final int LINT_FAILED = 65;
    /**
     * The database could not be reached within {@code DATABASE_STARTUP_TIMEOUT}, refused the
     * credentials, or another component readiness needs was down at start-up (BSD sysexits EX_UNAVAILABLE).
     */
    public static final int DATABASE_UNAVAILABLE = 69;
    /** A migration failed; the database is as the last successful migration left it (EX_SOFTWARE). */
    public static final int MIGRATION_FAILED = 70;
    /** The server cannot listen on HOST:PORT, usually because another process has the port (EX_TEMPFAIL). */
    public static final int PORT_IN_USE = 75;
    /** The configuration is invalid; nothing was started (BSD sysexits EX_CONFIG). */
    public static final int CONFIGURATION = 78;
    /**
     * A graceful stop did not finish within {@code SHUTDOWN_TIMEOUT_MS}; the log names what was
     * still running. 124 is what timeout(1) exits with when its command runs out of time.
     */
    public static final int SHUTDOWN_TIMED_OUT = 124;

    private ExitCode() {
    }
}
