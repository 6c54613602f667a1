package io.erpcore.host;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the host reads from and writes to outside itself: the process environment, the working
 * directory that holds {@code .env} and {@code data/}, the two output streams, and the signal that
 * stops a running host. Tests pass their own.
 */
public record HostEnvironment(Map<String, String> variables, Path workingDirectory, PrintWriter out, PrintWriter err,
        StopSignal stopSignal) {

    /** This process's environment, working directory, standard output and standard error; stopped by SIGTERM or SIGINT. */
    public static HostEnvironment system() {
        return new HostEnvironment(System.getenv(), Path.of(""),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                StopSignal.onJvmShutdown());
    }
}
