package io.erpcore.host;

import io.erpcore.adapter.http.ComponentHealth;
import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.jdbi.AuditHeadPublisher;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigSources;
import io.erpcore.config.LayeredConfigSource;
import io.erpcore.config.LoadedConfig;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The host's programmatic entry points, the seed's {@code bootstrap}, {@code startServer} and
 * {@code bootstrapAndStart}, for a service that embeds ERP Core instead of running its jar:
 *
 * <pre>{@code
 * AppContext context = ErpCore.bootstrap(BootstrapOptions.defaults());
 * RunningServer server = ErpCore.startServer(context, 3001, "0.0.0.0");
 * // or, in one step, on PORT and HOST:
 * RunningServer server = ErpCore.bootstrapAndStart();
 * }</pre>
 *
 * Each phase (DESIGN section 6) is logged with its duration; a phase that fails throws a
 * {@link BootstrapException} naming it, after stopping whatever the bootstrap had started.
 */
public final class ErpCore {

    private static final Duration AUDIT_HEAD_INTERVAL = Duration.ofMinutes(1);

    private ErpCore() {
    }

    /**
     * Runs the phases up to the HTTP application: configuration, logging and metrics, the
     * database (waiting for it with backoff until {@code DATABASE_STARTUP_TIMEOUT}), migrations
     * and the tenancy lint, the HTTP application, and the health checks unless
     * {@link BootstrapOptions#skipHealthChecks()}.
     */
    public static AppContext bootstrap(BootstrapOptions options) {
        StartupPhases phases = new StartupPhases();
        LoadedConfig loaded = phases.run(StartupPhase.CONFIG, () -> loadConfig(options));
        AppConfig config = loaded.config();
        List<AutoCloseable> started = new ArrayList<>();
        StructuredLogger log = null;
        try {
            Telemetry telemetry = phases.run(StartupPhase.LOGGING_AND_METRICS, () -> {
                StructuredLogger logger = HostLogging.start(loaded);
                MicrometerMetricsSink sink = MicrometerMetricsSink.prometheus();
                return new Telemetry(logger, sink, Metrics.create(sink, config.metricsConfig()));
            });
            log = telemetry.log();
            started.add(HostLogging::stop);
            started.add(telemetry.sink());
            phases.logTo(log);
            StructuredLogger logger = log;
            HostDatabase database = phases.run(StartupPhase.DATABASE,
                    () -> HostDatabase.reach(config, options.workingDirectory(), logger));
            started.add(database);
            phases.run(StartupPhase.MIGRATIONS, () -> database.migrateAndLint(config, logger));
            Http http = phases.run(StartupPhase.HTTP_APP, () -> {
                StandaloneApi api = StandaloneApi.create(config, telemetry.metrics(),
                        database.openPool(config, telemetry.metrics(), telemetry.sink().registry()), Clock.systemUTC());
                JavalinApplication app = api.builder().metricsEndpoint(telemetry.sink()::scrape).build();
                return new Http(api, app, AuditHeadPublisher.start(api.auditHeads(), AUDIT_HEAD_INTERVAL));
            });
            started.add(http.publisher());
            started.add(() -> http.app().stop(Duration.ZERO));
            if (options.skipHealthChecks()) {
                log.info("Health checks skipped at start-up: readiness answers 503 until the first scheduled round passes");
            } else {
                phases.run(StartupPhase.HEALTH_CHECKS, () -> requireReady(http.app().checkHealth()));
            }
            return new AppContext(options, config, log, telemetry.sink(), telemetry.metrics(), database, http.api(),
                    http.app(), http.publisher(), phases);
        } catch (BootstrapException e) {
            if (log != null) {
                log.error(e.getMessage(), Map.of("phase", e.phase().label(), "exitCode", e.exitCode()));
            }
            closeInReverse(started);
            throw e;
        }
    }

    /**
     * Listens on {@code host}:{@code port} (0 picks a free port), seeds the development tenant
     * when there is none, and logs the banner. With {@link BootstrapOptions#stopOnSignal()}, SIGTERM
     * and SIGINT then stop the server gracefully. A failure stops the context and throws a
     * {@link BootstrapException}: {@code listen} exits 75 when the port is taken.
     */
    public static RunningServer startServer(AppContext context, int port, String host) {
        StartupPhases phases = context.startupPhases();
        StructuredLogger log = context.log();
        try {
            phases.run(StartupPhase.LISTEN, () -> listen(context.app(), host, port));
            String url = "http://" + host + ":" + context.app().port();
            log.info("ERP Core is listening on " + url, Map.of("url", url, "env", context.config().environment().id()));
            RunningServer server = new RunningServer(context, url);
            phases.run(StartupPhase.BANNER, () -> logBanner(context, url, phases));
            if (context.options().stopOnSignal()) {
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "erp-core-graceful-stop"));
            }
            return server;
        } catch (BootstrapException e) {
            log.error(e.getMessage(), Map.of("phase", e.phase().label(), "exitCode", e.exitCode()));
            context.close();
            throw e;
        }
    }

    /** {@link #bootstrap} with {@link BootstrapOptions#defaults()}, then {@link #startServer} on {@code PORT} and {@code HOST}. */
    public static RunningServer bootstrapAndStart() {
        return bootstrapAndStart(BootstrapOptions.defaults());
    }

    /** {@link #bootstrap}, then {@link #startServer} on {@code PORT} and {@code HOST}. */
    public static RunningServer bootstrapAndStart(BootstrapOptions options) {
        AppContext context = bootstrap(options);
        return startServer(context, context.config().serverConfig().port(), context.config().serverConfig().host());
    }

    /** The configuration from every source, with development's generated secrets kept under data/. */
    static LoadedConfig loadConfig(BootstrapOptions options) {
        LayeredConfigSource sources = ConfigSources.standard(options.overrides(), options.environment(),
                options.workingDirectory());
        return DevelopmentSecrets.apply(ConfigLoader.load(sources), sources, options.workingDirectory(), true);
    }

    private static void requireReady(Map<String, ComponentHealth> readiness) {
        Map<String, ComponentHealth> down = readiness.entrySet().stream()
                .filter(entry -> !entry.getValue().up())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!down.isEmpty()) {
            throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Not ready: " + down.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue().details().getOrDefault("problem", "is down"))
                    .collect(Collectors.joining("; ")), null);
        }
    }

    private static void listen(JavalinApplication app, String host, int port) {
        try {
            app.listen(host, port);
        } catch (RuntimeException e) {
            throw new HostStartupException(ExitCode.PORT_IN_USE, "Cannot listen on " + host + ":" + port + ": "
                    + e.getMessage(), null, e);
        }
    }

    private static void logBanner(AppContext context, String url, StartupPhases phases) {
        AppConfig config = context.config();
        HostDatabase database = context.hostDatabase();
        Optional<String> demoPassword = Optional.empty();
        if (config.environment().isDevelopment()) {
            try {
                demoPassword = DemoTenant.seedIfNoTenant(context.api(), context.log());
            } catch (RuntimeException e) {
                throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot seed the demo tenant: " + e.getMessage(),
                        "the database went away after start-up reached it", e);
            }
        }
        // The JVM's own record of its start, to the millisecond; the process's start time in /proc is
        // only as precise as the boot time it is counted from, a whole second.
        Optional<Duration> sinceProcessStart = Optional.of(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
        Banner banner = new Banner(config, HostVersion.current(), url, database.describe(), phases.elapsed(),
                sinceProcessStart, database.embedded().isPresent(), demoPassword);
        if (demoPassword.isPresent()) {
            // At WARN so that a developer who set LOG_LEVEL=warn still sees the one-time password.
            context.log().warn(banner.text(), banner.fields());
        } else {
            context.log().info(banner.text(), banner.fields());
        }
    }

    private static void closeInReverse(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // Best effort: the start-up failure is what the operator must see, already logged.
            }
        }
    }

    private record Telemetry(StructuredLogger log, MicrometerMetricsSink sink, Metrics metrics) {
    }

    private record Http(StandaloneApi api, JavalinApplication app, AuditHeadPublisher publisher) {
    }
}
