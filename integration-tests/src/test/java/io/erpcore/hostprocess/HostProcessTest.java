package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged host, started as a real process the way the README starts it: exit codes, output
 * streams, serving until SIGTERM. Each test runs in a temporary working directory, so the embedded
 * database's data/ is the test's own.
 */
class HostProcessTest {

    private static final Pattern SEEDED_PASSWORD = Pattern.compile("and the password ([A-Za-z0-9_-]+) \\(shown this once\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path workingDirectory;

    private HostProcess host;

    @AfterEach
    void stopHost() throws InterruptedException {
        if (host != null) {
            host.kill();
        }
    }

    @Test
    void production_without_secrets_exits_78_with_one_line_per_missing_variable() throws Exception {
        host = HostProcess.launch(workingDirectory, Map.of("APP_ENV", "production"));

        assertThat(host.awaitExit(EXIT)).isEqualTo(78);
        assertThat(host.stderr().lines().filter(line -> line.startsWith("  - ")))
                .extracting(line -> line.substring(4, line.indexOf(' ', 4)))
                .containsExactly("DATABASE_URL", "DATABASE_MIGRATION_URL", "JWT_SECRET", "ENCRYPTION_KEY");
        assertThat(host.stdout()).isEmpty();
    }

    @Test
    void help_prints_the_catalogue_the_commands_and_the_exit_codes_on_standard_output_and_exits_0() throws Exception {
        host = HostProcess.launch(workingDirectory, Map.of(), "--help");

        assertThat(host.awaitExit(EXIT)).isZero();
        assertThat(host.stdout()).contains("Configuration variables", "DATABASE_TENANT_MAX_CONNECTIONS", "FEATURE_*",
                "--skip-health", "migrate", "db-check")
                .containsPattern("124 +the graceful stop took longer than SHUTDOWN_TIMEOUT_MS");
    }

    @Test
    void version_prints_the_version_of_the_jar_and_exits_0() throws Exception {
        host = HostProcess.launch(workingDirectory, Map.of(), "--version");

        assertThat(host.awaitExit(EXIT)).isZero();
        assertThat(host.stdout()).matches("ERP Core \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void validate_config_keeps_standard_output_for_the_report_alone() throws Exception {
        host = HostProcess.launch(workingDirectory, Map.of(), "--validate-config", "--port", "8181");

        assertThat(host.awaitExit(EXIT)).isZero();
        assertThat(host.stdout().lines().findFirst()).contains("Effective configuration (APP_ENV=development)");
        assertThat(host.stdout()).containsPattern("PORT +8181 +command line");
        assertThat(host.stderr()).contains("WARNING: JWT_SECRET is not set");
    }

    @Test
    void production_migrates_a_real_database_serves_and_logs_one_json_object_per_line() throws Exception {
        TestDatabase database = PostgresFixture.emptyDatabase();
        host = HostProcess.launch(workingDirectory, Map.of("APP_ENV", "production", "SERVICE_NAME", "billing",
                "DATABASE_URL", TestDatabase.text(database.runtime()),
                "DATABASE_MIGRATION_URL", TestDatabase.text(database.owner()),
                "JWT_SECRET", HostProcess.JWT_SECRET,
                "ENCRYPTION_KEY", HostProcess.ENCRYPTION_KEY), "--port", "0").awaitListening();
        assertThat(host.get("/health/ready").statusCode()).isEqualTo(200);
        host.terminate();

        assertThat(host.awaitExit(EXIT)).isZero();
        assertThat(host.stdout().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("{\"timestamp\":")
                .contains("\"service\":\"billing\"", "\"env\":\"production\"")
                .endsWith("}"));
        assertThat(host.stdout()).contains("Migrations applied", "Start-up phase 'health checks' took",
                        "ERP Core is listening on", "is ready on", "ERP Core stopped")
                .doesNotContain(database.runtime().password().orElseThrow().reveal())
                .doesNotContain("Development seed");
        assertThat(workingDirectory.resolve("data")).doesNotExist();
    }

    @Test
    void development_serves_the_seeded_owner_and_keeps_data_and_keys_across_a_restart() throws Exception {
        host = HostProcess.launch(workingDirectory, Map.of(), "--port", "0").awaitListening();
        String password = host.awaitLogged(SEEDED_PASSWORD, EXIT).group(1);
        assertThat(host.get("/ping").body()).isEqualTo("pong");
        assertThat(host.get("/health/ready").statusCode()).isEqualTo(200);
        String token = signInAsDemoOwner(password);
        assertThat(host.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        HttpResponse<String> created = host.post("/api/v1/users", "{\"email\":\"ada@demo.local\",\"displayName\":\"Ada\","
                + "\"password\":\"correct horse battery staple\",\"roles\":[\"member\"],\"phone\":\"+44 20 7946 0958\"}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = JSON.readTree(created.body()).get("id").asText();
        host.terminate();
        assertThat(host.awaitExit(EXIT)).as(host.stdout()).isZero();
        assertThat(host.stdout()).contains("ERP Core stopped");

        host = HostProcess.launch(workingDirectory, Map.of(), "--port", "0").awaitListening();
        HttpResponse<String> user = host.get("/api/v1/users/" + userId, signInAsDemoOwner(password));
        host.terminate();

        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(JSON.readTree(user.body()).get("phone").asText()).isEqualTo("+44 20 7946 0958");
        assertThat(host.awaitExit(EXIT)).isZero();
        assertThat(host.stdout()).doesNotContain("Development seed", password)
                .contains("are read from data/dev-secrets.properties");
        assertThat(workingDirectory.resolve("data/dev-secrets.properties")).exists();
    }

    private String signInAsDemoOwner(String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = host.post("/api/v1/auth/login", "{\"tenant\":\"demo\",\"email\":\"owner@demo.local\","
                + "\"password\":\"" + password + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("accessToken").asText();
    }
}
