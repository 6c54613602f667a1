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
    /** The configuration is invalid; nothing was started (BSD sysexits EX_CONFIG). */
    public static final int CONFIGURATION = 78;

    private ExitCode() {
    }
}
