package io.erpcore.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.http.HttpTestClient;
import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.http.TestApplications;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The standalone API served for real over HTTP, on a fresh PostgreSQL database with its own owner
 * and runtime roles: what the end-to-end tests drive. Tenants and their owners are made through
 * the platform API, signing in through {@code /api/v1/auth/login}, as a client would.
 */
public final class StandaloneServer implements AutoCloseable {

    /** The platform operator's token of every server started here. */
    public static final String PLATFORM_TOKEN = "platform-token-for-tests-0123456789abcdef";
    /** The password of every owner made by {@link #newTenant}. */
    public static final String OWNER_PASSWORD = "correct horse battery staple";
    /** The password of every user made by {@link #newUser}. */
    public static final String USER_PASSWORD = "a long and unguessable passphrase";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase testDatabase;
    private final JdbiDatabase database;
    private final InMemoryMetricsSink databaseMetrics;
    private final MicrometerMetricsSink metrics;
    private final JavalinApplication app;
    private final HttpTestClient http;

    private StandaloneServer(TestDatabase testDatabase, JdbiDatabase database, InMemoryMetricsSink databaseMetrics,
            MicrometerMetricsSink metrics, JavalinApplication app) {
        this.testDatabase = testDatabase;
        this.database = database;
        this.databaseMetrics = databaseMetrics;
        this.metrics = metrics;
        this.app = app;
        this.http = HttpTestClient.on(app);
    }

    /**
     * A server with the test defaults plus {@code variables} (name, value, ...), serving
     * {@code /metrics} from a Prometheus registry as the host does.
     */
    public static StandaloneServer start(String... variables) {
        Map<String, String> values = new HashMap<>();
        values.put("PLATFORM_ADMIN_TOKEN", PLATFORM_TOKEN);
        values.put("PASSWORD_HASH_ITERATIONS", "1000");
        values.put("RATE_LIMIT_MAX", "100000");
        values.put("TENANT_RATE_LIMIT_MAX", "100000");
        values.put("SPEED_LIMIT_DELAY_AFTER", "100000");
        for (int i = 0; i + 1 < variables.length; i += 2) {
            values.put(variables[i], variables[i + 1]);
        }
        AppConfig config = TestApplications.config(values);
        TestDatabase testDatabase = PostgresFixture.migratedDatabase();
        InMemoryMetricsSink databaseMetrics = InMemoryMetricsSink.create();
        JdbiDatabase database = Databases.open(testDatabase, databaseMetrics);
        MicrometerMetricsSink metrics = MicrometerMetricsSink.prometheus();
        JavalinApplication app = StandaloneApi.create(config, Metrics.create(metrics, config.metricsConfig()), database,
                Clock.systemUTC()).builder().metricsEndpoint(metrics::scrape).build().start();
        return new StandaloneServer(testDatabase, database, databaseMetrics, metrics, app);
    }

    /** The port the server listens on, for clients other than {@link #http()}. */
    public int port() {
        return app.port();
    }

    public HttpTestClient http() {
        return http;
    }

    public TestDatabase testDatabase() {
        return testDatabase;
    }

    public JdbiDatabase database() {
        return database;
    }

    /** The metrics of the server's database: every statement it ran is in {@code db_operations_total}. */
    public InMemoryMetricsSink databaseMetrics() {
        return databaseMetrics;
    }

    /** How many statements the server's database has run so far, successful or not, in every scope. */
    public long databaseStatements() {
        return Math.round(databaseMetrics.meters("db_operations_total").stream()
                .mapToDouble(databaseMetrics::counterValue).sum());
    }

    /** A new tenant with a random slug, made by the platform API; its owner signs in with {@link #OWNER_PASSWORD}. */
    public TenantAccount newTenant() {
        String slug = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String owner = "owner@" + slug + ".example";
        HttpResponse<String> created = post("/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"Tenant " + slug
                + "\",\"admin\":{\"email\":\"" + owner + "\",\"displayName\":\"Owner\",\"password\":\"" + OWNER_PASSWORD
                + "\"}}", "Authorization", "Bearer " + PLATFORM_TOKEN);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating tenant " + slug + " answered " + created.statusCode() + ": "
                    + created.body());
        }
        return new TenantAccount(json(created).get("id").asText(), slug, owner);
    }

    /** Signs {@code email} in to {@code tenant}; the answer's access token, or an exception naming the answer. */
    public String signIn(String tenant, String email, String password) {
        HttpResponse<String> answer = post("/api/v1/auth/login", "{\"tenant\":\"" + tenant + "\",\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("signing in " + email + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json(answer).get("accessToken").asText();
    }

    /** Signs the owner of {@code tenant} in; the access token. */
    public String signInOwner(TenantAccount tenant) {
        return signIn(tenant.slug(), tenant.ownerEmail(), OWNER_PASSWORD);
    }

    /**
     * A new user of {@code tenant} with {@code roles} and a random e-mail address, created by
     * {@code creatorToken} through {@code POST /api/v1/users} and signed in with {@link #USER_PASSWORD}.
     */
    public TenantUser newUser(TenantAccount tenant, String creatorToken, String... roles) {
        String email = "user-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "@" + tenant.slug()
                + ".example";
        Map<String, Object> body = Map.of("email", email, "displayName", "User " + String.join(" ", roles),
                "password", USER_PASSWORD, "roles", List.of(roles));
        HttpResponse<String> created = post("/api/v1/users", write(body), bearer(creatorToken));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating " + email + " answered " + created.statusCode() + ": "
                    + created.body());
        }
        return new TenantUser(json(created).get("id").asText(), email, signIn(tenant.slug(), email, USER_PASSWORD));
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code POST path} with a JSON body. */
    public HttpResponse<String> post(String path, String body, String... headers) {
        return http.send("POST", path, "application/json", body, headers);
    }

    /** {@code PATCH path} with a JSON body. */
    public HttpResponse<String> patch(String path, String body, String... headers) {
        return http.send("PATCH", path, "application/json", body, headers);
    }

    /** {@code DELETE path} without a body. */
    public HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request = http.request(path).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build());
    }

    /** {@code POST /api/v1/auth/login} with {@code tenant}, {@code email} and {@code password}: the whole answer. */
    public HttpResponse<String> login(String tenant, String email, String password) {
        return post("/api/v1/auth/login", "{\"tenant\":\"" + tenant + "\",\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}");
    }

    /** The JSON body of {@code response}. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Authorization: Bearer <token>} as header name and value. */
    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Override
    public void close() {
        app.stop();
        database.close();
        metrics.close();
    }

    /** A tenant made by {@link #newTenant}: its id, slug and owner's e-mail. */
    public record TenantAccount(String id, String slug, String ownerEmail) {
    }

    /** A user made by {@link #newUser}: its id, e-mail address and access token. */
    public record TenantUser(String id, String email, String token) {
    }
}
