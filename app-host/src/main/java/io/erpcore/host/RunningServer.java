package io.erpcore.host;

import java.util.concurrent.atomic.AtomicReference;

/** A server that {@link ErpCore#startServer} started: where it listens, and its graceful stop. */
public final class RunningServer {

    private final AppContext context;
    private final String url;
    private final AtomicReference<StopReport> stopped = new AtomicReference<>();

    RunningServer(AppContext context, String url) {
        this.context = context;
        this.url = url;
    }

    /** {@code http://host:port}, the port resolved when 0 was asked for. */
    public String url() {
        return url;
    }

    /** The port it listens on. */
    public int port() {
        return context.app().port();
    }

    /** What bootstrap made and this server serves. */
    public AppContext context() {
        return context;
    }

    /**
     * Turns readiness to 503 now, while every route keeps serving: the first step of
     * {@link #stop()}, for a caller that must take it on the thread where the stop was asked for.
     */
    public void startDraining() {
        context.app().startDraining();
    }

    /**
     * Stops gracefully, as DESIGN section 6 describes: readiness 503 at once while serving on for
     * {@code SHUTDOWN_DRAIN_DELAY_MS}, then the listener closes and every request already received
     * completes, then background work, the pool, metrics and logs. Bounded by
     * {@code SHUTDOWN_TIMEOUT_MS}; the report says whether it finished and, if not, what was still
     * running. Blocks until then; later calls return the first call's report.
     */
    public synchronized StopReport stop() {
        StopReport report = stopped.get();
        if (report == null) {
            report = context.stop(true);
            stopped.set(report);
        }
        return report;
    }
}
