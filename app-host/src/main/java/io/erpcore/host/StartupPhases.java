package io.erpcore.host;

import io.erpcore.config.ConfigurationException;
import io.erpcore.logging.StructuredLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs start-up phases, times them and logs each with its duration. A phase that throws becomes a
 * {@link BootstrapException} naming the phase, the cause, a hint and the exit code. Phases that
 * finish before logging is configured are logged once it is.
 */
final class StartupPhases {

    private final long started = System.nanoTime();
    private final List<PhaseTiming> timings = new ArrayList<>();
    private StructuredLogger log;

    <T> T run(StartupPhase phase, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            T result = work.get();
            record(new PhaseTiming(phase, since(begin)));
            return result;
        } catch (HostStartupException e) {
            throw new BootstrapException(phase, since(begin), e.exitCode(), e.getMessage(),
                    e.hint().orElse(phase.defaultHint()), e);
        } catch (ConfigurationException e) {
            throw new BootstrapException(phase, since(begin), ExitCode.CONFIGURATION, e.getMessage(), phase.defaultHint(), e);
        } catch (RuntimeException e) {
            throw new BootstrapException(phase, since(begin), ExitCode.UNEXPECTED, String.valueOf(e),
                    "an unexpected failure: the stack trace in the log shows where", e);
        }
    }

    void run(StartupPhase phase, Runnable work) {
        run(phase, () -> {
            work.run();
            return null;
        });
    }

    /** From now on phases are logged as they finish; those finished already are logged now. */
    void logTo(StructuredLogger logger) {
        this.log = logger;
        timings.forEach(this::log);
    }

    /** The phases finished so far, in order. */
    synchronized List<PhaseTiming> timings() {
        return List.copyOf(timings);
    }

    /** Time since the first phase began. */
    Duration elapsed() {
        return since(started);
    }

    private synchronized void record(PhaseTiming timing) {
        timings.add(timing);
        if (log != null) {
            log(timing);
        }
    }

    private void log(PhaseTiming timing) {
        log.info("Start-up phase '" + timing.phase().label() + "' took " + timing.took().toMillis() + " ms",
                Map.of("phase", timing.phase().label(), "durationMs", timing.took().toMillis()));
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }
}
