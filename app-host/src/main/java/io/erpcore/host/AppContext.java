package io.erpcore.host;

import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.jdbi.AuditHeadPublisher;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@link ErpCore#bootstrap} made: the configuration, metrics, the database pool, the
 * standalone API and its HTTP application, built and checked but not listening yet. An embedding
 * service may add to it before {@link ErpCore#startServer}. Closing it (or stopping the server
 * started on it) stops everything in reverse order: background work, the pool and the embedded
 * database, metrics, and logging last.
 */
public final class AppContext implements AutoCloseable {

    private final BootstrapOptions options;
    private final AppConfig config;
    private final StructuredLogger log;
    private final MicrometerMetricsSink sink;
    private final Metrics metrics;
    private final HostDatabase database;
    private final StandaloneApi api;
    private final JavalinApplication app;
    private final AuditHeadPublisher publisher;
    private final StartupPhases phases;
    private final AtomicBoolean stopped = new AtomicBoolean();

    AppContext(BootstrapOptions options, AppConfig config, StructuredLogger log, MicrometerMetricsSink sink,
            Metrics metrics, HostDatabase database, StandaloneApi api, JavalinApplication app,
            AuditHeadPublisher publisher, StartupPhases phases) {
        this.options = options;
        this.config = config;
        this.log = log;
        this.sink = sink;
        this.metrics = metrics;
        this.database = database;
        this.api = api;
        this.app = app;
        this.publisher = publisher;
        this.phases = phases;
    }

    /** The validated configuration. */
    public AppConfig config() {
        return config;
    }

    /** Where the host records metrics; scraped at {@code /metrics}. */
    public Metrics metrics() {
        return metrics;
    }

    /** The runtime role's pool and the RLS executor on it. */
    public JdbiDatabase database() {
        return database.runtime();
    }

    /** The standalone API's services: tenants, users, passwords, audit heads. */
    public StandaloneApi api() {
        return api;
    }

    /** The HTTP application, not listening until {@link ErpCore#startServer}. */
    public JavalinApplication app() {
        return app;
    }

    /** The start-up phases finished so far and how long each took. */
    public List<PhaseTiming> phases() {
        return phases.timings();
    }

    /** Stops everything bootstrap started; the server too, if one was started on this context. */
    @Override
    public void close() {
        stop(false);
    }

    BootstrapOptions options() {
        return options;
    }

    StructuredLogger log() {
        return log;
    }

    HostDatabase hostDatabase() {
        return database;
    }

    StartupPhases startupPhases() {
        return phases;
    }

    /**
     * The stop of DESIGN section 6, bounded by {@code SHUTDOWN_TIMEOUT_MS}. When the server
     * {@code listens}: readiness 503 for {@code SHUTDOWN_DRAIN_DELAY_MS} while serving on, then
     * the listener closes and every request already received completes. Then background work,
     * the pool, metrics and logs. A second call finds nothing left to stop.
     */
    StopReport stop(boolean listens) {
        if (!stopped.compareAndSet(false, true)) {
            return StopReport.completed(Duration.ZERO);
        }
        ShutdownSequence sequence = new ShutdownSequence(log);
        if (listens) {
            sequence.then("the drain", left -> drain())
                    .then("the HTTP server", () -> "the HTTP server, with " + app.openConnections()
                            + " connections still open", this::stopServer);
        } else {
            sequence.then("the HTTP application", left -> app.stop(Duration.ZERO));
        }
        return sequence.then("the audit head publisher", left -> publisher.close())
                .then("the database", left -> database.close())
                .then("metrics and logging", left -> closeMetricsAndLogging())
                .run(config.lifecycleConfig().shutdownTimeout());
    }

    private void drain() {
        app.startDraining();
        Duration delay = config.lifecycleConfig().drainDelay();
        log.info("Stopping: readiness answers 503 from now on; serving on for SHUTDOWN_DRAIN_DELAY_MS (" + delay.toMillis()
                + " ms) so load balancers stop sending");
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopServer(Duration left) {
        log.info("Closing the listener; requests already received complete",
                Map.of("openConnections", app.openConnections()));
        // Jetty may wait past what is left: the stop's own deadline, not Jetty's, decides when to
        // give up, so that the report can name what was still running.
        app.stop(left.plusSeconds(1));
        log.info("The HTTP server has stopped");
    }

    private void closeMetricsAndLogging() {
        sink.close();
        log.info("ERP Core stopped");
        HostLogging.stop();
    }
}
