package io.erpcore.host;

/**
 * The process exit codes of the host, documented in the README so that supervisors can tell a
 * configuration mistake from a crash.
 */
public final class ExitCode {

    /** Clean stop, or a command that did what was asked. */
    public static final int OK = 0;
    /** The command line itself is wrong: an unknown flag, a missing value (BSD sysexits EX_USAGE). */
    public static final int USAGE = 64;
    /** The tenancy lint found a schema that does not isolate tenants (BSD sysexits EX_DATAERR). */
    public static final int LINT_FAILED = 65;
    /** The database could not be reached (BSD sysexits EX_UNAVAILABLE). */
    public static final int DATABASE_UNAVAILABLE = 69;
    /** A migration failed; the database is as the last successful migration left it (EX_SOFTWARE). */
    public static final int MIGRATION_FAILED = 70;
    /** The server cannot listen on HOST:PORT, usually because another process has the port (EX_TEMPFAIL). */
    public static final int PORT_IN_USE = 75;
    /** The configuration is invalid; nothing was started (BSD sysexits EX_CONFIG). */
    public static final int CONFIGURATION = 78;

    private ExitCode() {
    }
}
