package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged host, started as a real process the way the README starts it: exit codes, output
 * streams, serving until SIGTERM. Each test runs in a temporary working directory, so the embedded
 * database's data/ is the test's own.
 */
class HostProcessTest {

    private static final Path JAR = Path.of("..", "app-host", "target", "app-host-runnable.jar").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("ERP Core is listening on (http://[^\\s\"]+)");
    private static final Pattern SEEDED_PASSWORD = Pattern.compile("and the password ([A-Za-z0-9_-]+) \\(shown this once\\)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @Test
    void production_without_secrets_exits_78_with_one_line_per_missing_variable() throws Exception {
        Finished run = run(Map.of("APP_ENV", "production"));

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.stderr().lines().filter(line -> line.startsWith("  - ")))
                .extracting(line -> line.substring(4, line.indexOf(' ', 4)))
                .containsExactly("DATABASE_URL", "DATABASE_MIGRATION_URL", "JWT_SECRET", "ENCRYPTION_KEY");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void help_prints_the_catalogue_on_standard_output_and_exits_0() throws Exception {
        Finished run = run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Configuration variables", "DATABASE_TENANT_MAX_CONNECTIONS", "FEATURE_*");
    }

    @Test
    void validate_config_keeps_standard_output_for_the_report_alone() throws Exception {
        Finished run = run(Map.of(), "--validate-config", "--port", "8181");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines().findFirst()).contains("Effective configuration (APP_ENV=development)");
        assertThat(run.stdout()).containsPattern("PORT +8181 +command line");
        assertThat(run.stderr()).contains("WARNING: JWT_SECRET is not set");
    }

    @Test
    void production_migrates_a_real_database_serves_and_logs_one_json_object_per_line() throws Exception {
        TestDatabase database = PostgresFixture.emptyDatabase();
        Running host = start(Map.of("APP_ENV", "production", "SERVICE_NAME", "billing",
                "DATABASE_URL", TestDatabase.text(database.runtime()),
                "DATABASE_MIGRATION_URL", TestDatabase.text(database.owner()),
                "JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r",
                "ENCRYPTION_KEY", "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM="), "--port", "0");
        assertThat(host.get("/health/ready").statusCode()).isEqualTo(200);
        Finished run = host.stop();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("{\"timestamp\":")
                .contains("\"service\":\"billing\"", "\"env\":\"production\"")
                .endsWith("}"));
        assertThat(run.stdout()).contains("Migrations applied", "Start-up phase 'health checks' took", "ERP Core is listening on", "ERP Core stopped")
                .doesNotContain(database.runtime().password().orElseThrow().reveal())
                .doesNotContain("Development seed");
        assertThat(workingDirectory.resolve("data")).doesNotExist();
    }

    @Test
    void development_serves_the_seeded_owner_and_keeps_data_and_keys_across_a_restart() throws Exception {
        Running first = start(Map.of(), "--port", "0");
        String password = first.logged(SEEDED_PASSWORD).group(1);
        assertThat(first.get("/ping").body()).isEqualTo("pong");
        assertThat(first.get("/health/ready").statusCode()).isEqualTo(200);
        String token = first.signIn(password);
        assertThat(first.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        HttpResponse<String> created = first.post("/api/v1/users", "{\"email\":\"ada@demo.local\",\"displayName\":\"Ada\","
                + "\"password\":\"correct horse battery staple\",\"roles\":[\"member\"],\"phone\":\"+44 20 7946 0958\"}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = JSON.readTree(created.body()).get("id").asText();
        Finished firstRun = first.stop();
        assertThat(firstRun.exitCode()).as(firstRun.stdout()).isZero();
        assertThat(firstRun.stdout()).contains("ERP Core stopped");

        Running second = start(Map.of(), "--port", "0");
        String secondToken = second.signIn(password);
        HttpResponse<String> user = second.get("/api/v1/users/" + userId, secondToken);
        Finished secondRun = second.stop();

        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(JSON.readTree(user.body()).get("phone").asText()).isEqualTo("+44 20 7946 0958");
        assertThat(secondRun.exitCode()).isZero();
        assertThat(secondRun.stdout()).doesNotContain("Development seed", password)
                .contains("are read from data/dev-secrets.properties");
        assertThat(workingDirectory.resolve("data/dev-secrets.properties")).exists();
    }

    @Test
    void production_with_an_unreachable_database_exits_69() throws Exception {
        Finished run = run(Map.of("APP_ENV", "production",
                "DATABASE_URL", "postgresql://erp_app:pw-unused-here@127.0.0.1:1/erp",
                "DATABASE_MIGRATION_URL", "postgresql://erp_owner:pw-unused-here@127.0.0.1:1/erp",
                "JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r",
                "ENCRYPTION_KEY", "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM="));

        assertThat(run.exitCode()).isEqualTo(69);
        assertThat(run.stdout()).contains("Cannot reach the database to migrate it");
    }

    private Finished run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process process = launch(environment, args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the host exits within 60 s").isTrue();
        return finished(process);
    }

    /** Starts the host and waits until it logs the URL it listens on. */
    private Running start(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Running host = new Running(launch(environment, args));
        try {
            host.url = host.logged(LISTENING).group(1);
        } catch (AssertionError | RuntimeException e) {
            host.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw e;
        }
        return host;
    }

    private Process launch(Map<String, String> environment, String... args) throws IOException {
        assertThat(JAR).as("the packaged host; build it with mvn verify from the repository root").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.redirectOutput(stdout().toFile()).redirectError(stderr().toFile()).start();
    }

    private Finished finished(Process process) throws IOException {
        return new Finished(process.exitValue(), Files.readString(stdout(), StandardCharsets.UTF_8),
                Files.readString(stderr(), StandardCharsets.UTF_8));
    }

    private Path stdout() {
        return workingDirectory.resolve("stdout.txt");
    }

    private Path stderr() {
        return workingDirectory.resolve("stderr.txt");
    }

    private record Finished(int exitCode, String stdout, String stderr) {
    }

    /** A host process that serves until {@link #stop()}. */
    private final class Running {

        private final Process process;
        private String url;

        private Running(Process process) {
            this.process = process;
        }

        /** Waits up to 120 s (a first embedded start runs initdb) for a line of standard output matching {@code pattern}. */
        Matcher logged(Pattern pattern) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                Matcher matcher = pattern.matcher(Files.readString(stdout(), StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return matcher;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the host exited with " + process.exitValue() + " before logging " + pattern
                            + ":\n" + Files.readString(stdout(), StandardCharsets.UTF_8)
                            + Files.readString(stderr(), StandardCharsets.UTF_8));
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the host did not log " + pattern + " within 120 s");
        }

        HttpResponse<String> get(String path, String... bearer) throws IOException, InterruptedException {
            return send(request(path, bearer).GET());
        }

        HttpResponse<String> post(String path, String json, String... bearer) throws IOException, InterruptedException {
            return send(request(path, bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** Signs the seeded owner in; the access token. */
        String signIn(String password) throws IOException, InterruptedException {
            HttpResponse<String> answer = post("/api/v1/auth/login", "{\"tenant\":\"demo\",\"email\":\"owner@demo.local\","
                    + "\"password\":\"" + password + "\"}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body()).get("accessToken").asText();
        }

        /** SIGTERM, then the exit code within 30 s and everything the host printed. */
        Finished stop() throws IOException, InterruptedException {
            process.destroy();
            boolean exited = process.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(exited).as("the host stops within 30 s of SIGTERM").isTrue();
            return finished(process);
        }

        private HttpRequest.Builder request(String path, String... bearer) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
            return bearer.length == 0 ? request : request.header("Authorization", "Bearer " + bearer[0]);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
