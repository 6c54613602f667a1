package io.erpcore.host;

import java.time.Duration;
import java.util.Objects;

/**
 * A start-up phase failed: which phase, after how long, why, what to look at, and the process
 * exit code the command line ends with ({@link ExitCode}). Nothing the failed bootstrap started
 * is left running.
 */
public final class BootstrapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StartupPhase phase;
    private final int exitCode;
    private final String hint;
    private final transient Duration elapsed;

    BootstrapException(StartupPhase phase, Duration elapsed, int exitCode, String cause, String hint, Throwable source) {
        super("Start-up failed in the " + phase.label() + " phase after " + elapsed.toMillis() + " ms: " + cause
                + " (hint: " + hint + ")", source);
        this.phase = Objects.requireNonNull(phase, "phase");
        this.exitCode = exitCode;
        this.hint = hint;
        this.elapsed = elapsed;
    }

    /** The phase that failed. */
    public StartupPhase phase() {
        return phase;
    }

    /** The process exit code for this failure: one of {@link ExitCode}. */
    public int exitCode() {
        return exitCode;
    }

    /** What an operator should look at first. */
    public String hint() {
        return hint;
    }

    /** How long the phase ran before it failed. */
    public Duration elapsed() {
        return elapsed;
    }
}
