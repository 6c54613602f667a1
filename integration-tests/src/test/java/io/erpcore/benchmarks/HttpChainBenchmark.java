package io.erpcore.benchmarks;

import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.RouteAccess;
import io.erpcore.adapter.http.TestApplications;
import io.erpcore.adapter.http.TestAuthenticator;
import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One tenant route behind the whole chain (correlation id, security headers, CORS, client address,
 * body limit, general rate limit and slow-down, authentication, tenant resolution and admission,
 * tenant rate limit, authorization, request log and metrics) against the same handler on a bare
 * Javalin, both in this JVM, called over loopback HTTP/1.1 by the benchmark threads, each on its own
 * kept-alive connection. The limits are set high enough that they count every request but never
 * refuse or delay one. A third server runs the chain without the limits, to show what they cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class HttpChainBenchmark {

    private static final String PATH = "/api/v1/items/{id}";
    private static final String BODY = "{\"id\":\"42\",\"name\":\"Widget\"}";
    private static final String ORIGIN = "https://app.example.com";

    private final Tenant tenant = new Tenant(TenantId.random(), "acme", "Acme", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
    private JavalinApplication chained;
    private JavalinApplication chainedWithoutLimits;
    private Javalin bare;

    @Setup(Level.Trial)
    public void start() {
        chained = chain(true);
        chainedWithoutLimits = chain(false);
        bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(PATH, ctx -> ctx.contentType("application/json").result(BODY));
        }).start("127.0.0.1", 0);
    }

    private JavalinApplication chain(boolean limits) {
        return TestApplications.builder(Map.of("RATE_LIMIT_MAX", "2000000000", "TENANT_RATE_LIMIT_MAX", "2000000000",
                        "SPEED_LIMIT_DELAY_AFTER", "2000000000", "CORS_ORIGINS", ORIGIN))
                .rateLimit(limits)
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(tenant))
                .routes(routes -> routes.get(PATH, RouteAccess.tenant("items:read"),
                        ctx -> ctx.contentType("application/json").result(BODY)))
                .build().start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        chained.stop();
        chainedWithoutLimits.stop();
        bare.stop();
    }

    /** Each benchmark thread's own kept-alive connections, one to each server, sending the same request. */
    @State(Scope.Thread)
    public static class Connections {
        KeepAliveHttpClient toChain;
        KeepAliveHttpClient toChainWithoutLimits;
        KeepAliveHttpClient toBare;

        @Setup(Level.Trial)
        public void open(HttpChainBenchmark servers) throws IOException {
            String[] headers = {"Authorization", TestAuthenticator.header("u1", servers.tenant.id().toString(), "items:read"),
                    "Origin", ORIGIN, "Accept", "application/json"};
            toChain = new KeepAliveHttpClient(servers.chained.port(), "/api/v1/items/42", headers);
            toChainWithoutLimits = new KeepAliveHttpClient(servers.chainedWithoutLimits.port(), "/api/v1/items/42", headers);
            toBare = new KeepAliveHttpClient(servers.bare.port(), "/api/v1/items/42", headers);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            toChain.close();
            toChainWithoutLimits.close();
            toBare.close();
        }
    }

    @Benchmark
    public int wholeChain(Connections connections) throws IOException {
        return expectOk(connections.toChain.call());
    }

    @Benchmark
    public int chainWithoutLimits(Connections connections) throws IOException {
        return expectOk(connections.toChainWithoutLimits.call());
    }

    @Benchmark
    public int bareJavalin(Connections connections) throws IOException {
        return expectOk(connections.toBare.call());
    }

    private static int expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("expected 200 but got " + status);
        }
        return status;
    }
}
