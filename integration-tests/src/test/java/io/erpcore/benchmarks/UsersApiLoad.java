package io.erpcore.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.http.TestApplications;
import io.erpcore.adapter.http.UserRoutes;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.NewTenant;
import io.erpcore.adapter.jdbi.NewUser;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost of the whole chain on a real endpoint: {@code GET /api/v1/users?limit=20} of the
 * standalone API (JWT verification, status cache, tenant resolution, rate limits, authorization,
 * metrics, the request log) against the same repository query answered in the same JSON on a bare
 * Javalin route that the harness wires and that never ships. Both read the same 20 rows of one
 * tenant of a fresh PostgreSQL database, scoped by row-level security, through the same pool.
 *
 * <p>Arguments: {@code [rounds] [seconds per server per round] [client threads]}, default 10 3 4.
 * Run: {@code mvn -Pload -DskipTests verify -pl integration-tests -am -Dload.main=io.erpcore.benchmarks.UsersApiLoad}.
 */
public final class UsersApiLoad {

    private static final String PASSWORD = "a load-test passphrase, long enough";
    private static final String USERS = "/api/v1/users?limit=20";

    private UsersApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        AppConfig config = TestApplications.config(Map.of("PASSWORD_HASH_ITERATIONS", "1000",
                "RATE_LIMIT_MAX", "2000000000", "TENANT_RATE_LIMIT_MAX", "2000000000",
                "SPEED_LIMIT_DELAY_AFTER", "2000000000", "DATABASE_MAX_CONNECTIONS", "10"));
        try (JdbiDatabase database = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create())) {
            StandaloneApi api = StandaloneApi.create(config,
                    Metrics.create(MicrometerMetricsSink.prometheus(), config.metricsConfig()), database, Clock.systemUTC());
            Tenant tenant = api.tenants().create(new NewTenant("load", "Load", new NewTenant.Admin("owner@load.example",
                    "Owner", api.passwords().hash(PASSWORD))), AuditOrigin.system());
            for (int i = 0; i < 40; i++) {
                api.users().create(tenant.id(), new NewUser("user" + i + "@load.example", "User " + i, "x",
                        List.of("member"), Optional.of("+44 20 7946 " + (1000 + i))), AuditOrigin.system());
            }
            JavalinApplication chained = api.builder().build().start();
            Javalin bare = bare(api.users(), tenant.id());
            try {
                String token = signIn(chained.port());
                String[] headers = {"Authorization", "Bearer " + token, "Accept", "application/json"};
                LoadRounds.run(List.of(new LoadRounds.Target("bare route, same query", bare.port(), USERS, headers),
                        new LoadRounds.Target("whole chain", chained.port(), USERS, headers)), rounds, phase, threads);
            } finally {
                chained.stop();
                bare.stop();
            }
        }
    }

    /** The same query and the same JSON without any middleware: the harness's baseline, never shipped. */
    private static Javalin bare(JdbiUserRepository users, TenantId tenant) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/v1/users", ctx -> {
                Page<UserRow> page = users.list(tenant, Optional.empty(), Integer.parseInt(ctx.queryParam("limit")));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("data", page.items().stream().map(UserRoutes::wireFormat).toList());
                body.put("nextCursor", page.nextCursor().orElse(null));
                ctx.json(body);
            });
        }).start("127.0.0.1", 0);
    }

    private static String signIn(int port) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"load\",\"email\":\"owner@load.example\","
                        + "\"password\":\"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("signing in answered " + answer.statusCode() + ": " + answer.body());
        }
        return new ObjectMapper().readTree(answer.body()).get("accessToken").asText();
    }
}
