package io.erpcore.adapter.http;

import java.util.TreeMap;
import io.erpcore.config.AppConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.router.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The operational endpoints of DESIGN section 4, at the root: {@code /ping}, {@code /health},
 * {@code /health/live}, {@code /health/ready}, {@code /health/detailed} and {@code /metrics}. They
 * pass the correlation, header and CORS steps but no rate limit and no tenant step.
 *
 * <p>Readiness ({@code /health}, {@code /health/ready}) is UP while every readiness check's last
 * scheduled answer was UP and the application is not draining; liveness answers UP as long as the
 * process can answer at all. {@code /health/detailed} shows every component, informative ones
 * included, and its status is the readiness answer.
 */
final class OperationalRoutes {

    private final ScheduledHealth health;
    private final AtomicBoolean draining;
    private final Optional<BearerToken> opsToken;
    private final boolean detailedOpen;
    private final Optional<Supplier<String>> scrape;
    private final Optional<BearerToken> metricsToken;

    OperationalRoutes(AppConfig config, ScheduledHealth health, AtomicBoolean draining,
            Optional<Supplier<String>> scrape) {
        this.health = health;
        this.draining = draining;
        this.opsToken = config.opsTokens().opsToken().map(BearerToken::of);
        // Without OPS_TOKEN, development shows the details to anyone and other environments to no one.
        this.detailedOpen = opsToken.isEmpty() && config.environment().isDevelopment();
        this.scrape = config.metricsConfig().enabled() ? scrape : Optional.empty();
        this.metricsToken = config.metricsConfig().token().map(BearerToken::of);
    }

    void register(RoutesConfig routes) {
        add(routes, "/ping", ctx -> ctx.contentType("text/plain").result("pong"));
        add(routes, "/health", this::ready);
        add(routes, "/health/ready", this::ready);
        // Liveness looks at no check: a slow database must not get every replica restarted.
        add(routes, "/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        add(routes, "/health/detailed", this::detailed);
        add(routes, "/metrics", this::metrics);
    }

    private static void add(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.addEndpoint(Endpoint.create(HandlerType.GET, path).addMetadata(RouteAccess.operational()).handler(handler));
    }

    /** The cached answers only: a probe never waits for a check. */
    private void ready(Context ctx) {
        boolean up = !draining.get() && health.ready();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    }

    private void detailed(Context ctx) {
        if (!detailedOpen && opsToken.isEmpty()) {
            throw ErrorCode.NOT_FOUND.problem("no route matches this path");
        }
        if (opsToken.isPresent() && !opsToken.get().matches(RequestHeaders.fieldValue(ctx, Header.AUTHORIZATION))) {
            throw ErrorCode.NOT_AUTHENTICATED.problem("this endpoint needs 'Authorization: Bearer <OPS_TOKEN>'");
        }
        // Sorted by name; uptime and version are read now, the others are the last scheduled answers.
        Map<String, ComponentHealth> found = new TreeMap<>(health.results());
        found.put("uptime", ProcessHealth.uptime());
        found.put("version", ProcessHealth.version());
        Map<String, Object> components = new LinkedHashMap<>();
        found.forEach((name, component) -> components.put(name, describe(component)));
        boolean up = !draining.get() && health.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("draining", draining.get());
        body.put("components", components);
        ctx.status(up ? 200 : 503).json(body);
    }

    private static Map<String, Object> describe(ComponentHealth component) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("status", component.up() ? "UP" : "DOWN");
        described.putAll(component.details());
        return described;
    }

    private void metrics(Context ctx) {
        if (scrape.isEmpty()) {
            throw ErrorCode.NOT_FOUND.problem("no route matches this path");
        }
        if (metricsToken.isPresent() && !metricsToken.get().matches(RequestHeaders.fieldValue(ctx, Header.AUTHORIZATION))) {
            throw ErrorCode.NOT_AUTHENTICATED.problem("this endpoint needs 'Authorization: Bearer <METRICS_TOKEN>'");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get().get());
    }
}
