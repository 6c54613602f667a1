package io.erpcore.host;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * When a running host stops: someone requests the stop (SIGTERM, SIGINT, or a test), the command
 * stops what it started, in order, on its own thread, and reports the exit code it finished with.
 */
public final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final CompletableFuture<Void> requestedNow = new CompletableFuture<>();

    private StopSignal() {
    }

    /**
     * A signal that a JVM shutdown hook raises on SIGTERM or SIGINT. The hook waits until the
     * command has stopped everything, then ends the process with the command's exit code: a stop
     * the operator asked for is a clean stop (0), not the JVM's 128 + signal number.
     */
    public static StopSignal onJvmShutdown() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::stopFromShutdownHook, "erp-core-shutdown"));
        return signal;
    }

    /** A signal raised already: a host that starts stops again at once. For tests that run the host in-process. */
    public static StopSignal raised() {
        StopSignal signal = new StopSignal();
        signal.request();
        return signal;
    }

    /** Asks the running host to stop; returns at once. */
    public void request() {
        requestedNow.complete(null);
        requested.countDown();
    }

    /**
     * Runs {@code action} on the thread that requests the stop, the moment it does (at once if it
     * has): for what must not wait until the command's own thread wakes up, such as turning
     * readiness to 503. {@code action} must be quick and must not throw.
     */
    void whenRequested(Runnable action) {
        requestedNow.thenRun(action);
    }

    /** Blocks until a stop is requested. */
    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** The command has returned {@code exitCode}; nothing of the host runs any more. */
    void finished(int exitCode) {
        finished.complete(exitCode);
    }

    private void stopFromShutdownHook() {
        request();
        // halt, not exit: the JVM is already shutting down, and exit would block for ever.
        Runtime.getRuntime().halt(finished.join());
    }
}
