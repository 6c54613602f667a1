package io.erpcore.adapter.api;

import static io.erpcore.adapter.http.HealthProbes.INTERVAL;
import static io.erpcore.adapter.http.HealthProbes.TIMEOUT;
import static io.erpcore.adapter.http.HealthProbes.awaitStatus;
import static io.erpcore.adapter.http.HealthProbes.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.http.HealthProbes;
import io.erpcore.adapter.http.HttpTestClient;
import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.http.TestApplications;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.config.AppConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone API's readiness while its database goes away and comes back. The database is a
 * fresh one of the shared test server, reached through a proxy of the test's own: cutting the
 * proxy is the outage, so the shared server never stops.
 */
class DatabaseOutageHealthTest {

    // The design's bound is one interval and one timeout; the second more absorbs polling and a slow machine.
    private static final Duration DETECTION = INTERVAL.plus(TIMEOUT).plusSeconds(1);
    // Back once the pool's pending wait (DATABASE_ACQUIRE_TIMEOUT 250 ms) ends and a round finds a connection.
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    private TestDatabase testDatabase;
    private CuttableProxy proxy;
    private JdbiDatabase database;
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        testDatabase = PostgresFixture.migratedDatabase();
        DatabaseUrl.HostAndPort server = testDatabase.runtime().hosts().get(0);
        proxy = CuttableProxy.to(server.host(), server.port());
        DatabaseUrl throughProxy = DatabaseUrl.parse(TestDatabase.text(testDatabase.runtime())
                .replace("@" + server + "/", "@127.0.0.1:" + proxy.port() + "/"));
        database = Databases.open(throughProxy, InMemoryMetricsSink.create(), "DATABASE_ACQUIRE_TIMEOUT", "250");
        Map<String, String> variables = new HashMap<>();
        String[] fast = HealthProbes.fastChecks();
        for (int i = 0; i < fast.length; i += 2) {
            variables.put(fast[i], fast[i + 1]);
        }
        AppConfig config = TestApplications.config(variables);
        app = StandaloneApi.create(config, Metrics.create(InMemoryMetricsSink.create(), config.metricsConfig()), database,
                Clock.systemUTC()).builder().build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        database.close();
        proxy.close();
    }

    @Test
    void readiness_is_503_within_an_interval_and_a_timeout_of_the_database_going_away() {
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);

        proxy.cut();

        awaitStatus(http, "/health/ready", 503, DETECTION);
        assertThat(component(http, "database").path("status").asText()).isEqualTo("DOWN");
        assertThat(component(http, "database").path("problem").asText()).isNotBlank();
    }

    @Test
    void liveness_stays_200_while_the_database_is_away() {
        proxy.cut();
        awaitStatus(http, "/health/ready", 503, DETECTION);

        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void readiness_is_200_again_once_the_database_is_back_without_a_restart() {
        proxy.cut();
        awaitStatus(http, "/health/ready", 503, DETECTION);

        proxy.restore();

        awaitStatus(http, "/health/ready", 200, RECOVERY);
        assertThat(component(http, "database").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void detailed_health_shows_the_database_latency_pool_and_schema_version() throws SQLException {
        var database = component(http, "database");

        assertThat(database.path("status").asText()).isEqualTo("UP");
        assertThat(database.path("latencyMs").isIntegralNumber()).isTrue();
        assertThat(database.path("total").asInt()).isPositive();
        assertThat(database.has("active") && database.has("idle") && database.has("waiting")).isTrue();
        assertThat(database.path("schemaVersion").asText()).as("read by the runtime role").isEqualTo(latestMigration());
    }

    /** The version of the newest migration that succeeded, as the owner reads it. */
    private String latestMigration() throws SQLException {
        try (Connection owner = testDatabase.ownerConnection(); Statement statement = owner.createStatement();
                ResultSet row = statement.executeQuery("select version from flyway_schema_history"
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            row.next();
            return row.getString(1);
        }
    }
}
