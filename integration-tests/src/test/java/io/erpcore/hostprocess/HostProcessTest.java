package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged host, started as a real process the way the README starts it: exit codes and output streams. */
class HostProcessTest {

    private static final Path JAR = Path.of("..", "app-host", "target", "app-host-runnable.jar").toAbsolutePath().normalize();

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
    void production_migrates_a_real_database_and_logs_one_json_object_per_line() throws Exception {
        TestDatabase database = PostgresFixture.emptyDatabase();
        Finished run = run(Map.of("APP_ENV", "production", "SERVICE_NAME", "billing",
                "DATABASE_URL", TestDatabase.text(database.runtime()),
                "DATABASE_MIGRATION_URL", TestDatabase.text(database.owner()),
                "JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r",
                "ENCRYPTION_KEY", "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM="));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("{\"timestamp\":")
                .contains("\"service\":\"billing\"", "\"env\":\"production\"")
                .endsWith("}"));
        assertThat(run.stdout()).contains("Migrations applied", "Database ready")
                .doesNotContain(database.runtime().password().orElseThrow().reveal());
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
        assertThat(JAR).as("the packaged host; build it with mvn verify from the repository root").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path stdout = workingDirectory.resolve("stdout.txt");
        Path stderr = workingDirectory.resolve("stderr.txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the host exits within 60 s").isTrue();
        return new Finished(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Finished(int exitCode, String stdout, String stderr) {
    }
}
