package io.erpcore.benchmarks;

import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.Metrics;
import io.erpcore.adapter.http.RouteAccess;
import io.erpcore.adapter.http.TestApplications;
import io.erpcore.adapter.http.TestAuthenticator;
import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The load harness for the chain's cost: one tenant route behind the whole chain, the same route
 * behind the chain without its limits, and the same handler on a bare Javalin, all in this JVM,
 * loaded in turn by the same client threads, each on its own kept-alive connection per server.
 * The request log line is filtered out by the test logging configuration (level WARN); what a
 * written line costs is {@code LoggingBenchmark}'s to measure.
 *
 * {@link LoadRounds} measures them in turn and divides by the bare server round by round.
 *
 * <p>Arguments: {@code [rounds] [seconds per server per round] [client threads]}, default 10 3 4.
 */
public final class HttpChainLoad {

    private static final String PATH = "/api/v1/items/{id}";
    private static final String ITEM = "/api/v1/items/42";
    private static final String BODY = "{\"id\":\"42\",\"name\":\"Widget\"}";
    private static final String ORIGIN = "https://app.example.com";

    private HttpChainLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Tenant tenant = new Tenant(TenantId.random(), "acme", "Acme", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
        JavalinApplication chained = chain(tenant, true);
        JavalinApplication withoutLimits = chain(tenant, false);
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(PATH, ctx -> ctx.contentType("application/json").result(BODY));
        }).start("127.0.0.1", 0);
        String[] headers = {"Authorization", TestAuthenticator.header("u1", tenant.id().toString(), "items:read"),
                "Origin", ORIGIN, "Accept", "application/json"};
        try {
            LoadRounds.run(List.of(new LoadRounds.Target("bare Javalin", bare.port(), ITEM, headers),
                    new LoadRounds.Target("whole chain", chained.port(), ITEM, headers),
                    new LoadRounds.Target("chain without limits", withoutLimits.port(), ITEM, headers)),
                    rounds, phase, threads);
        } finally {
            chained.stop();
            withoutLimits.stop();
            bare.stop();
        }
    }

    /** The chain as the host runs it (Prometheus metrics), with limits that count but never refuse. */
    private static JavalinApplication chain(Tenant tenant, boolean limits) {
        AppConfig config = TestApplications.config(Map.of("RATE_LIMIT_MAX", "2000000000",
                "TENANT_RATE_LIMIT_MAX", "2000000000", "SPEED_LIMIT_DELAY_AFTER", "2000000000", "CORS_ORIGINS", ORIGIN));
        return JavalinApplication.builder(config, Metrics.create(MicrometerMetricsSink.prometheus(), config.metricsConfig()))
                .rateLimit(limits)
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(tenant))
                .routes(routes -> routes.get(PATH, RouteAccess.tenant("items:read"),
                        ctx -> ctx.contentType("application/json").result(BODY)))
                .build().start();
    }
}
