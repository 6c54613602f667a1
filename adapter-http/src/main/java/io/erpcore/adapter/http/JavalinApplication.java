package io.erpcore.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.Metrics;
import io.erpcore.adapter.ratelimit.RateLimiters;
import io.erpcore.security.Authenticator;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.audit.AuditSink;
import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.TenantDirectory;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The application factory: a Javalin app with the whole chain of DESIGN section 4, the operational
 * endpoints, problem answers and request metrics, plus the routes of whoever embeds it. The seed's
 * {@code createApp({middleware: {enableCors, enableRateLimit, customMiddleware}, customRoutes})} is
 * {@code JavalinApplication.builder(config, metrics).cors(false).middleware(point, step).routes(...)}.
 */
public final class JavalinApplication {

    private static final int DEFAULT_MAX_THREADS = 200;
    private static final int MIN_THREADS = 8;

    private final Javalin javalin;
    private final JavalinTenantContext tenantContext;
    private final AtomicBoolean draining;
    private final List<String> stepNames;
    private final String host;
    private final int port;
    private final Optional<RateLimiter> limiter;
    private final ScheduledHealth health;
    private final AtomicReference<Server> jetty;
    private final Duration shutdownTimeout;

    private JavalinApplication(Javalin javalin, JavalinTenantContext tenantContext, AtomicBoolean draining,
            List<String> stepNames, String host, int port, Optional<RateLimiter> limiter, ScheduledHealth health,
            AtomicReference<Server> jetty, Duration shutdownTimeout) {
        this.jetty = jetty;
        this.shutdownTimeout = shutdownTimeout;
        this.limiter = limiter;
        this.health = health;
        this.javalin = javalin;
        this.tenantContext = tenantContext;
        this.draining = draining;
        this.stepNames = List.copyOf(stepNames);
        this.host = host;
        this.port = port;
    }

    /** A builder for an application on {@code config}, recording request metrics into {@code metrics}. */
    public static Builder builder(AppConfig config, Metrics metrics) {
        return new Builder(config, metrics);
    }

    /**
     * Runs the first round of health checks (waiting at most {@code HEALTH_CHECK_TIMEOUT_MS}) and
     * schedules the others, then listens on the configured host and port (port 0 picks a free one).
     * The application owns its health checks' schedule: {@link #stop()} ends it.
     */
    public JavalinApplication start() {
        checkHealth();
        return listen(host, port);
    }

    /**
     * Runs the first round of health checks now, waiting at most {@code HEALTH_CHECK_TIMEOUT_MS},
     * and schedules the others; returns each readiness check's answer. Later calls run nothing and
     * return the last answers.
     */
    public Map<String, ComponentHealth> checkHealth() {
        health.start();
        return health.readinessResults();
    }

    /**
     * Listens on {@code host}:{@code port} (port 0 picks a free one). Health checks not run yet by
     * {@link #checkHealth()} are scheduled without waiting: readiness stays 503 until they answer.
     */
    public JavalinApplication listen(String host, int port) {
        health.startInBackground();
        try {
            javalin.start(host, port);
        } catch (RuntimeException e) {
            health.close();
            throw e;
        }
        return this;
    }

    /** The port the server listens on, once started. */
    public int port() {
        return javalin.port();
    }

    /**
     * Stops gracefully within {@code SHUTDOWN_TIMEOUT_MS}: see {@link #stop(Duration)}.
     */
    public void stop() {
        stop(shutdownTimeout);
    }

    /**
     * Closes the listener (a new connection is refused), lets every request already received
     * complete, waiting at most {@code grace}, then stops the server, the health checks' schedule
     * and the rate limiter. A request that has not completed when {@code grace} runs out is cut.
     * Jetty's graceful stop needs its stop timeout set: with none, Jetty cuts requests at once.
     */
    public void stop(Duration grace) {
        try {
            Server server = jetty.get();
            if (server != null) {
                server.setStopTimeout(Math.max(1, grace.toMillis()));
            }
            javalin.stop();
        } finally {
            health.close();
            limiter.ifPresent(RateLimiter::close);
        }
    }

    /** The connections open now: during a stop, the requests still being answered and the idle keep-alive connections. */
    public int openConnections() {
        Server server = jetty.get();
        if (server == null) {
            return 0;
        }
        return Arrays.stream(server.getConnectors())
                .filter(NetworkConnector.class::isInstance)
                .mapToInt(connector -> connector.getConnectedEndPoints().size())
                .sum();
    }

    /** From now on readiness answers 503, while every route keeps serving (the shutdown's drain phase). */
    public void startDraining() {
        draining.set(true);
    }

    /** The request-scoped tenant context: inside a handler, the request's tenant. */
    public JavalinTenantContext tenantContext() {
        return tenantContext;
    }

    /** The names of the chain's steps in the order every API request passes them. */
    public List<String> steps() {
        return stepNames;
    }

    /** Configures a {@link JavalinApplication}; every part has a default except the config and the metrics. */
    public static final class Builder {

        private final AppConfig config;
        private final Metrics metrics;
        private Authenticator authenticator = Authenticator.anonymousOnly();
        private TenantDirectory tenants = InMemoryTenantDirectory.of();
        private JavalinTenantContext tenantContext = JavalinTenantContext.create();
        private Optional<Supplier<String>> scrape = Optional.empty();
        private final Map<String, HealthCheck> healthChecks = new LinkedHashMap<>();
        private final Map<String, HealthCheck> informativeChecks = new LinkedHashMap<>(Map.of(
                "heap", ProcessHealth::heap, "disk", () -> ProcessHealth.disk(Path.of(""))));
        private final Map<ChainPoint, List<NamedStep>> middleware = new EnumMap<>(ChainPoint.class);
        private final List<Consumer<ApiRoutes>> routes = new ArrayList<>();
        private StepObserver observer = StepObserver.none();
        private boolean cors = true;
        private boolean rateLimit = true;
        private Integer port;
        private int maxThreads = DEFAULT_MAX_THREADS;
        private Optional<RateLimiter> rateLimiter = Optional.empty();
        private AuditSink auditSink = AuditSink.discarding();

        private Builder(AppConfig config, Metrics metrics) {
            this.config = Objects.requireNonNull(config, "config");
            this.metrics = Objects.requireNonNull(metrics, "metrics");
        }

        /** Verifies credentials; by default every request is anonymous. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /** Where tenant status and rate-limit overrides come from; by default no tenant exists. */
        public Builder tenants(TenantDirectory tenants) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
            return this;
        }

        /** The tenant context that handlers' services share. */
        public Builder tenantContext(JavalinTenantContext tenantContext) {
            this.tenantContext = Objects.requireNonNull(tenantContext, "tenantContext");
            return this;
        }

        /** Serves {@code /metrics} from {@code scrape} (Prometheus text), when {@code METRICS_ENABLED}. */
        public Builder metricsEndpoint(Supplier<String> scrape) {
            this.scrape = Optional.of(scrape);
            return this;
        }

        /**
         * Adds a component to readiness and to {@code /health/detailed}. The check runs every
         * {@code HEALTH_CHECK_INTERVAL_MS} on a thread of its own, bounded by
         * {@code HEALTH_CHECK_TIMEOUT_MS}; probes read its last answer.
         */
        public Builder healthCheck(String component, HealthCheck check) {
            String name = Objects.requireNonNull(component, "component");
            informativeChecks.remove(name);
            healthChecks.put(name, Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * Adds a component to {@code /health/detailed} only: scheduled like a readiness check, but
         * its answer never makes readiness DOWN. {@code heap} and {@code disk} are there by default.
         */
        public Builder informativeCheck(String component, HealthCheck check) {
            String name = Objects.requireNonNull(component, "component");
            healthChecks.remove(name);
            informativeChecks.put(name, Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Switches the CORS step on (the default) or off. */
        public Builder cors(boolean enabled) {
            this.cors = enabled;
            return this;
        }

        /** Switches rate limiting and slow-down on (the default, unless {@code RATE_LIMIT_ENABLED=false}) or off. */
        public Builder rateLimit(boolean enabled) {
            this.rateLimit = enabled;
            return this;
        }

        /**
         * Where rate-limit buckets live; by default in Redis when {@code REDIS_URL} is set, else in a
         * bounded map in this process. The application closes it when it stops.
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Optional.of(limiter);
            return this;
        }

        /**
         * Where the chain records a permission denied and a tenant's rate limit hit, in the
         * tenant's audit trail ({@code JdbiAuditTrail}). Without one, those events are not recorded.
         */
        public Builder auditSink(AuditSink sink) {
            this.auditSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Adds the embedding service's own step at {@code point}, after any added there before. */
        public Builder middleware(ChainPoint point, String name, RequestStep step) {
            middleware.computeIfAbsent(point, p -> new ArrayList<>()).add(new NamedStep(name, step));
            return this;
        }

        /** Registers the embedding service's routes. */
        public Builder routes(Consumer<ApiRoutes> registration) {
            routes.add(Objects.requireNonNull(registration, "registration"));
            return this;
        }

        /** Sees every step as it starts; for diagnostics and tests. */
        public Builder observeSteps(StepObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** The most threads the server runs requests on (default 200); slowed-down requests hold none. */
        public Builder maxThreads(int maxThreads) {
            if (maxThreads < MIN_THREADS) {
                throw new IllegalArgumentException("'maxThreads' must be at least " + MIN_THREADS + " but was " + maxThreads
                        + ": Jetty's acceptor and selector threads come out of the same pool");
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /** Listens on {@code port} instead of {@code PORT}; 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Creates the application; {@link #start()} makes it listen. */
        public JavalinApplication build() {
            ObjectMapper json = new ObjectMapper();
            ProblemResponses problems = new ProblemResponses(json, config.environment().isDevelopment());
            QueuedThreadPool threads = new QueuedThreadPool(maxThreads, MIN_THREADS, 60_000);
            threads.setName("erp-http");
            AtomicBoolean draining = new AtomicBoolean();
            RequestChain edge = new RequestChain(ChainSteps.everyRequest(config, cors), observer, threads);
            Optional<RateLimiter> limiter = rateLimit && config.rateLimitConfig().enabled()
                    ? Optional.of(rateLimiter.orElseGet(() -> RateLimiters.forConfig(config, metrics))) : Optional.empty();
            RequestChain api = new RequestChain(
                    ChainSteps.apiRoutes(config, metrics, limiter, authenticator, tenants, middleware, auditSink), observer, threads);
            ScheduledHealth health = new ScheduledHealth(healthChecks, informativeChecks,
                    config.lifecycleConfig().healthCheckInterval(), config.lifecycleConfig().healthCheckTimeout());
            OperationalRoutes operational = new OperationalRoutes(config, health, draining, scrape);
            AtomicReference<Server> jetty = new AtomicReference<>();
            Javalin javalin = Javalin.create(javalinConfig -> {
                ServerSettings.apply(javalinConfig, config, json, threads, problems);
                javalinConfig.jetty.modifyServer(jetty::set);
                javalinConfig.router.handlerWrapper(endpoint -> routeChain(endpoint, edge, api));
                ExceptionHandler<Exception> failures =
                        (failure, ctx) -> unlessUnmatched(ctx, edge, problems, () -> problems.answer(failure, ctx));
                javalinConfig.routes.exception(Exception.class, failures);
                // Javalin answers its own HTTP exceptions (405 among them) unless a handler names their class.
                javalinConfig.routes.exception(HttpResponseException.class, failures);
                javalinConfig.routes.error(404, ctx -> unlessUnmatched(ctx, edge, problems,
                        () -> problems.writeUnlessWritten(ctx, ErrorCode.NOT_FOUND)));
                javalinConfig.requestLogger.http(new RequestLog(metrics));
                operational.register(javalinConfig.routes);
                ApiRoutes apiRoutes = new ApiRoutes(javalinConfig.routes,
                        config.opsTokens().platformAdminToken().isPresent());
                routes.forEach(registration -> registration.accept(apiRoutes));
            });
            List<String> names = new ArrayList<>();
            names.add(CorrelationIds.STEP);
            names.addAll(edge.names());
            names.addAll(api.names());
            names.add("handler");
            return new JavalinApplication(javalin, tenantContext, draining, names, config.serverConfig().host(),
                    port == null ? config.serverConfig().port() : port, limiter, health, jetty,
                    config.lifecycleConfig().shutdownTimeout());
        }

        /**
         * Each route's handler, behind the steps every request passes and the API steps (unless it
         * is operational), with the request's tenant bound around it. Wrapping the route's own
         * handler, rather than adding Javalin stages, keeps the route's access at hand (read once,
         * here) and costs no extra dispatch: each stage a request passes cost 1 to 2 points of the
         * chain's throughput against a bare route.
         */
        private Handler routeChain(Endpoint endpoint, RequestChain edge, RequestChain api) {
            if (!endpoint.method.isHttpMethod()) {
                return endpoint.handler;
            }
            RouteAccess declared = endpoint.metadata(RouteAccess.class);
            // A route registered around ApiRoutes has no declared access: it is a tenant route, so a
            // forgotten declaration fails closed.
            RouteAccess access = declared == null ? RouteAccess.tenantMember() : declared;
            String route = endpoint.path;
            Handler handler = endpoint.handler;
            Handler bound = ctx -> {
                ApiRequest request = ApiRequest.of(ctx);
                observer.starting("handler", request);
                RequestMdc.ensure(request);
                tenantContext.runHandler(request, () -> handler.handle(ctx));
            };
            Handler routed = ctx -> {
                ApiRequest request = ApiRequest.of(ctx);
                request.route(route, access);
                if (access.kind() == RouteAccess.Kind.OPERATIONAL) {
                    bound.handle(ctx);
                } else {
                    api.run(ctx, request, bound);
                }
            };
            return ctx -> edge.run(ctx, open(ctx), routed);
        }

        /** Opens the request: its correlation id, its log fields on this thread, the chain's first step. */
        private ApiRequest open(Context ctx) {
            ApiRequest request = CorrelationIds.begin(ctx, System.nanoTime());
            RequestMdc.bind(request);
            observer.starting(CorrelationIds.STEP, request);
            return request;
        }

        /**
         * Answers with {@code answer}, but first, for a request no route matched (404, 405), runs the
         * steps every request passes, which the route's wrapper would have run: so that answer too
         * has its correlation id and security headers, and a CORS preflight is answered here.
         */
        private void unlessUnmatched(Context ctx, RequestChain edge, ProblemResponses problems, Runnable answer) {
            if (ApiRequest.find(ctx).isEmpty()) {
                ApiRequest request = open(ctx);
                try {
                    edge.run(ctx, request, null);
                } catch (Exception refused) {
                    problems.answer(refused, ctx); // a refused preflight, a body over the limit
                    return;
                }
                if (request.answered()) {
                    return;
                }
            }
            answer.run();
        }
    }
}
