package io.erpcore.host;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link ErpCore#bootstrap} starts: configuration on top of the environment, where
 * {@code .env} and {@code data/} are, whether to wait for the health checks, and whether SIGTERM
 * and SIGINT stop the server gracefully. The seed's {@code shutdownTimeout} is the override
 * {@code SHUTDOWN_TIMEOUT_MS}.
 *
 * @param overrides variables that win over every other source, as command-line flags do
 * @param environment the process environment, or a test's
 * @param workingDirectory where {@code .env} is read and the development database and secrets are kept
 * @param skipHealthChecks start listening without waiting for a first passing round of health checks
 * @param stopOnSignal whether a JVM shutdown hook (SIGTERM, SIGINT) stops a started server gracefully
 */
public record BootstrapOptions(Map<String, String> overrides, Map<String, String> environment, Path workingDirectory,
        boolean skipHealthChecks, boolean stopOnSignal) {

    public BootstrapOptions {
        overrides = Map.copyOf(overrides);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** This process's environment and working directory, health checks awaited, stopped gracefully on SIGTERM or SIGINT. */
    public static BootstrapOptions defaults() {
        return new BootstrapOptions(Map.of(), System.getenv(), Path.of(""), false, true);
    }

    /** These options with {@code variable} set to {@code value} above every other source. */
    public BootstrapOptions withOverride(String variable, String value) {
        Map<String, String> values = new LinkedHashMap<>(overrides);
        values.put(variable, value);
        return new BootstrapOptions(values, environment, workingDirectory, skipHealthChecks, stopOnSignal);
    }

    /** These options reading {@code variables} instead of the environment they had. */
    public BootstrapOptions withEnvironment(Map<String, String> variables) {
        return new BootstrapOptions(overrides, variables, workingDirectory, skipHealthChecks, stopOnSignal);
    }

    public BootstrapOptions withWorkingDirectory(Path directory) {
        return new BootstrapOptions(overrides, environment, directory, skipHealthChecks, stopOnSignal);
    }

    public BootstrapOptions withSkipHealthChecks(boolean skip) {
        return new BootstrapOptions(overrides, environment, workingDirectory, skip, stopOnSignal);
    }

    public BootstrapOptions withStopOnSignal(boolean stop) {
        return new BootstrapOptions(overrides, environment, workingDirectory, skipHealthChecks, stop);
    }
}
