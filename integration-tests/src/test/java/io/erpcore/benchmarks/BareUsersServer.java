package io.erpcore.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.erpcore.adapter.http.UserRoutes;
import io.erpcore.adapter.jdbi.AuditHeads;
import io.erpcore.adapter.jdbi.HikariPools;
import io.erpcore.adapter.jdbi.JdbiAuditTrail;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigSources;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.metrics.Metrics;
import io.erpcore.security.FieldEncryption;
import io.erpcore.tenancy.TenantId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The load harness's own routes, never shipped: {@code GET /api/v1/users?limit=N} on a bare Javalin
 * route, without any middleware, the tenant taken from {@code X-Tenant-ID} as it is. They run in
 * the host's JVM ({@link SideBySideServers}), configured from the host's environment (so the same
 * pool size, timeouts and {@code ENCRYPTION_KEY}), each on a server and a pool of its own, in one
 * of two modes:
 *
 * <ul>
 *   <li>{@code scoped}: the product's {@link JdbiUserRepository#list} through the product's
 *       executor, as the runtime role ({@code DATABASE_URL}) under row-level security: what the
 *       host's route does, minus the chain;
 *   <li>{@code bypass}: the same columns of the same rows read by a BYPASSRLS role
 *       ({@code LOAD_BYPASS_DATABASE_URL}) with {@code where tenant_id = ?} on a JDBI set up as the
 *       product's (plugin, caches, pool), without executor or scope: what the read would cost
 *       without tenant scoping.
 * </ul>
 *
 * Both answer the host's JSON ({@link UserRoutes#wireFormat}), serialised by the same Jackson
 * set-up on a Jetty pool of the host's size.
 */
public final class BareUsersServer {

    /** The variable that names the BYPASSRLS role's URL in {@code bypass} mode. */
    public static final String BYPASS_URL = "LOAD_BYPASS_DATABASE_URL";

    private static final int HOST_MAX_THREADS = 200;
    private static final int HOST_MIN_THREADS = 8;

    private BareUsersServer() {
    }

    /**
     * Starts the route of {@code mode} ({@code scoped} or {@code bypass}) on a free port of
     * 127.0.0.1, configured from the environment as the host is, and prints
     * {@code bare <mode> listening on <port>} once it listens.
     */
    static void serve(String mode) {
        AppConfig config = ConfigLoader.load(ConfigSources.standard(Map.of())).config();
        FieldEncryption encryption = FieldEncryption.from(config.encryptionConfig());
        BiFunction<TenantId, Integer, Page<UserRow>> reader = switch (mode) {
            case "scoped" -> scoped(config, encryption);
            case "bypass" -> bypass(config, encryption);
            default -> throw new IllegalArgumentException("mode must be scoped or bypass but was '" + mode + "'");
        };
        Javalin server = start(reader);
        System.out.println("bare " + mode + " listening on " + server.port());
        System.out.flush();
    }

    /** The product's repository and executor, as the host wires them (pool, statement metrics into Prometheus). */
    private static BiFunction<TenantId, Integer, Page<UserRow>> scoped(AppConfig config, FieldEncryption encryption) {
        Metrics metrics = Metrics.create(MicrometerMetricsSink.prometheus(), config.metricsConfig());
        JdbiDatabase database = JdbiDatabase.open(config.databaseConfig(), config.databaseConfig().url().orElseThrow(),
                "erp-load-bare", metrics, false, null);
        JdbiUserRepository users = JdbiUserRepository.create(database.rls(), encryption,
                JdbiAuditTrail.create(database.rls(), AuditHeads.create()));
        return (tenant, limit) -> users.list(tenant, Optional.empty(), limit);
    }

    /** A pool of the host's settings for the BYPASSRLS role, and the unscoped read. */
    private static BiFunction<TenantId, Integer, Page<UserRow>> bypass(AppConfig config, FieldEncryption encryption) {
        String url = System.getenv(BYPASS_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(BYPASS_URL + " must name the BYPASSRLS role's database URL");
        }
        HikariDataSource pool = HikariPools.runtime(config.databaseConfig(), DatabaseUrl.parse(url), "erp-load-bypass", null);
        UnscopedUserReader users = UnscopedUserReader.over(pool, encryption);
        return users::firstPage;
    }

    private static Javalin start(BiFunction<TenantId, Integer, Page<UserRow>> reader) {
        QueuedThreadPool threads = new QueuedThreadPool(HOST_MAX_THREADS, HOST_MIN_THREADS, 60_000);
        threads.setName("bare-http");
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.threadPool = threads;
            javalin.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0)); // as the host's Jetty
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            javalin.routes.get("/api/v1/users", ctx -> list(ctx, reader));
        }).start("127.0.0.1", 0);
    }

    private static void list(Context ctx, BiFunction<TenantId, Integer, Page<UserRow>> reader) {
        TenantId tenant = TenantId.parse(ctx.header("X-Tenant-ID"));
        Page<UserRow> page = reader.apply(tenant, Integer.parseInt(ctx.queryParam("limit")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream().map(UserRoutes::wireFormat).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(body);
    }
}
