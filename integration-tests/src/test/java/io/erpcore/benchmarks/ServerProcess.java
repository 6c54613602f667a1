package io.erpcore.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under load in a child JVM of the harness, started with given flags and environment, its
 * output in files of a directory of its own. Several servers may share one JVM, each on a port of
 * its own ({@link #alsoIn}). The harness reads the port each logs, and from {@code /proc} the JVM's
 * peak resident memory and the CPU time it has used.
 */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private int port;

    private ServerProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code java <jvmFlags> <launch...>} in {@code directory} with exactly {@code environment}; returns at once. */
    static ServerProcess start(String name, Path directory, List<String> jvmFlags, List<String> launch,
            Map<String, String> environment) throws IOException {
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A harness stopped by Ctrl-C or a failed test leaves no server running behind it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
        return new ServerProcess(name, process, out, err);
    }

    /** The server {@code name} in this server's JVM; it listens on a port of its own, which {@link #awaitPort} reads. */
    ServerProcess alsoIn(String name) {
        return new ServerProcess(name, process, stdout, stderr);
    }

    /** Waits until standard output matches {@code listening}, whose group 1 is the port. */
    ServerProcess awaitPort(Pattern listening, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening:\n"
                        + tail(stdout) + tail(stderr));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " did not listen within " + timeout + ":\n" + tail(stdout) + tail(stderr));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** The peak resident set size so far ({@code VmHWM}), in bytes; -1 where {@code /proc} does not tell. */
    long peakRssBytes() {
        return ProcFacts.statusKilobytes(process.pid(), "VmHWM") * 1024;
    }

    /** The resident set size now ({@code VmRSS}), in bytes; -1 where {@code /proc} does not tell. */
    long rssBytes() {
        return ProcFacts.statusKilobytes(process.pid(), "VmRSS") * 1024;
    }

    /** User and system CPU time used so far, in nanoseconds; -1 where {@code /proc} does not tell. */
    long cpuNanos() {
        return ProcFacts.cpuNanos(process.pid());
    }

    /** Stops the server's JVM with SIGTERM, and kills it if it has not exited within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
