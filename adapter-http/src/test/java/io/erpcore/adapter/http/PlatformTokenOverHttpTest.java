package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.erpcore.adapter.jdbi.Audits;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiTenantDirectory;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.Authenticator;
import io.erpcore.tenancy.TenantId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Who may call the platform API: only the holder of {@code PLATFORM_ADMIN_TOKEN}; a user's token is
 * refused without reaching the authenticator; without the token configured the API does not exist.
 */
class PlatformTokenOverHttpTest {

    private static final String TOKEN = TenantRoutesOverHttpTest.TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSIsInRpZCI6IngifQ."
            + "c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    private static JdbiDatabase database;
    private static JdbiTenantDirectory directory;
    private final AtomicInteger authenticated = new AtomicInteger();
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeAll
    static void open() {
        database = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        directory = JdbiTenantDirectory.create(database.rls(), Audits.trail(database.rls()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private void start(Map<String, String> variables) {
        TestAuthenticator users = new TestAuthenticator();
        Authenticator counting = authorization -> {
            authenticated.incrementAndGet();
            return users.authenticate(authorization);
        };
        app = TestApplications.builder(variables)
                .authenticator(counting)
                .tenants(directory)
                .routes(routes -> TenantRoutes.register(routes, directory, password -> "test$" + password.length(),
                        password -> List.of()))
                .build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void the_platform_token_opens_the_api_without_reaching_the_authenticator() {
        start(Map.of("PLATFORM_ADMIN_TOKEN", TOKEN));

        HttpResponse<String> response = http.get("/api/v1/tenants", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authenticated).hasValue(0);
    }

    @Test
    void without_authorization_or_with_another_scheme_it_is_401() throws Exception {
        start(Map.of("PLATFORM_ADMIN_TOKEN", TOKEN));

        HttpResponse<String> none = http.get("/api/v1/tenants");
        HttpResponse<String> apiKey = http.get("/api/v1/tenants", "Authorization", "ApiKey " + TOKEN);
        HttpResponse<String> empty = http.get("/api/v1/tenants", "Authorization", "Bearer ");

        for (HttpResponse<String> response : List.of(none, apiKey, empty)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("NOT_AUTHENTICATED");
        }
    }

    @Test
    void a_users_token_is_403_and_never_reaches_the_authenticator() throws Exception {
        start(Map.of("PLATFORM_ADMIN_TOKEN", TOKEN));
        String user = TestAuthenticator.header("u1", UUID.randomUUID().toString(), "*");

        HttpResponse<String> jwt = http.get("/api/v1/tenants", "Authorization", "Bearer " + JWT);
        HttpResponse<String> testUser = http.get("/api/v1/tenants", "Authorization", user);

        assertThat(List.of(jwt.statusCode(), testUser.statusCode())).containsOnly(403);
        assertThat(code(jwt)).isEqualTo("PLATFORM_TOKEN_REQUIRED");
        assertThat(authenticated).hasValue(0);
    }

    @Test
    void a_wrong_token_is_403_however_close_it_comes() throws Exception {
        start(Map.of("PLATFORM_ADMIN_TOKEN", TOKEN));
        List<String> guesses = List.of(TOKEN.substring(0, TOKEN.length() - 1), TOKEN + "x",
                TOKEN.substring(0, TOKEN.length() - 1) + "b", TOKEN.toUpperCase(Locale.ROOT));

        for (String guess : guesses) {
            HttpResponse<String> response = http.send("POST", "/api/v1/tenants", "application/json",
                    TenantRoutesOverHttpTest.create(TenantRoutesOverHttpTest.slug(), "Acme", "a@example.com"),
                    "Authorization", "Bearer " + guess);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("PLATFORM_TOKEN_REQUIRED");
        }
    }

    @Test
    void without_the_token_configured_every_platform_route_answers_like_an_unknown_path() throws Exception {
        start(Map.of());
        TenantId id = TenantId.random();
        String body = TenantRoutesOverHttpTest.create(TenantRoutesOverHttpTest.slug(), "Acme", "a@example.com");

        List<HttpResponse<String>> answers = List.of(
                http.get("/api/v1/tenants", "Authorization", "Bearer " + TOKEN),
                http.send("POST", "/api/v1/tenants", "application/json", body, "Authorization", "Bearer " + TOKEN),
                http.get("/api/v1/tenants/" + id, "Authorization", "Bearer " + TOKEN),
                http.send("PATCH", "/api/v1/tenants/" + id, "application/json", "{}", "Authorization", "Bearer " + TOKEN),
                http.send("DELETE", "/api/v1/tenants/" + id, null, ""));
        HttpResponse<String> unknown = http.get("/api/v1/no-such-route");

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(withoutRequestFields(answer)).isEqualTo(withoutRequestFields(unknown));
            assertThat(answer.headers().firstValue("RateLimit-Limit")).isEmpty();
        }
        assertThat(directory.findById(id)).isEmpty();
    }

    @Test
    void the_platform_token_never_reaches_the_log() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("erp");
        Level rootLevel = root.getLevel();
        Level ourLevel = ours.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        root.setLevel(Level.INFO);
        ours.setLevel(Level.ALL);
        try {
            start(Map.of("PLATFORM_ADMIN_TOKEN", TOKEN));
            String slug = TenantRoutesOverHttpTest.slug();
            http.send("POST", "/api/v1/tenants", "application/json", TenantRoutesOverHttpTest.create(slug, "Acme",
                    "a@example.com"), "Authorization", "Bearer " + TOKEN);
            http.send("POST", "/api/v1/tenants", "application/json", "{\"slug\":", "Authorization", "Bearer " + TOKEN);
            http.get("/api/v1/tenants", "Authorization", "Bearer " + TOKEN + "x");
            http.get("/api/v1/tenants/not-a-uuid", "Authorization", "Bearer " + TOKEN);
            app.stop(); // the request log lines are written once the requests have completed
            app = null;
        } finally {
            root.detachAppender(lines);
            root.setLevel(rootLevel);
            ours.setLevel(ourLevel);
        }

        String logged = lines.list.stream().map(PlatformTokenOverHttpTest::everything).collect(Collectors.joining("\n"));
        assertThat(logged).contains("/api/v1/tenants").doesNotContain(TOKEN);
    }

    private static String everything(ILoggingEvent event) {
        return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + event.getKeyValuePairs()
                + " " + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("code").asText();
    }

    private static JsonNode withoutRequestFields(HttpResponse<String> response) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(response.body());
        body.remove(List.of("instance", "correlationId"));
        return body;
    }
}
