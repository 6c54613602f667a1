package io.erpcore.host;

import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.jdbi.AuditHeadPublisher;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP phase of start-up: the standalone API over the database with the Prometheus scrape at
 * {@code /metrics}, the audit head publisher, the listener on {@code HOST}:{@code PORT}, then the
 * development seed. Closing it stops the server, then the publisher; the database is the
 * caller's, closed after this.
 */
final class HostHttp implements AutoCloseable {

    private static final Duration AUDIT_HEAD_INTERVAL = Duration.ofMinutes(1);

    private final JavalinApplication app;
    private final AuditHeadPublisher publisher;

    private HostHttp(JavalinApplication app, AuditHeadPublisher publisher) {
        this.app = app;
        this.publisher = publisher;
    }

    static HostHttp start(AppConfig config, Metrics metrics, MicrometerMetricsSink sink, JdbiDatabase database,
            StructuredLogger log) {
        StandaloneApi api = StandaloneApi.create(config, metrics, database, Clock.systemUTC());
        JavalinApplication app = api.builder().metricsEndpoint(sink::scrape).build();
        AuditHeadPublisher publisher = AuditHeadPublisher.start(api.auditHeads(), AUDIT_HEAD_INTERVAL);
        try {
            // Listening first: a start that fails on a taken port seeds nothing, so the demo owner's
            // password is not spent on a run the developer is about to retry.
            listen(app, config);
            if (config.environment().isDevelopment()) {
                seed(api, log);
            }
        } catch (HostStartupException e) {
            app.stop();
            publisher.close();
            throw e;
        }
        String url = "http://" + config.serverConfig().host() + ":" + app.port();
        log.info("ERP Core is listening on " + url, Map.of("url", url, "env", config.environment().id()));
        return new HostHttp(app, publisher);
    }

    /** Stops the server (requests in progress complete), then publishes the last audit heads. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            publisher.close();
        }
    }

    private static void seed(StandaloneApi api, StructuredLogger log) {
        try {
            DemoTenant.seedIfNoTenant(api, log);
        } catch (RuntimeException e) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot seed the demo tenant: " + e.getMessage(), e);
        }
    }

    private static void listen(JavalinApplication app, AppConfig config) {
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new HostStartupException(ExitCode.PORT_IN_USE, "Cannot listen on " + config.serverConfig().host() + ":"
                    + config.serverConfig().port() + " (choose another port with PORT or --port): " + e.getMessage(), e);
        }
    }
}
