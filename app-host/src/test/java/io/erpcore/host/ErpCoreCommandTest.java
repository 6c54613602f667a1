package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErpCoreCommandTest {

    private static final String JWT_SECRET = "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r";
    private static final String ENCRYPTION_KEY = "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM=";

    @TempDir
    Path workingDirectory;

    @Test
    void help_lists_every_variable_with_type_default_requirement_and_description() {
        HostRun run = HostRun.of(Map.of(), workingDirectory, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--validate-config")
                .contains("PORT", "integer, default 3001", "TCP port of the HTTP server")
                .contains("DATABASE_URL", "required in staging, production")
                .contains("DATABASE_MIGRATION_URL", "staging, production while DATABASE_MIGRATE=true")
                .contains("DATABASE_TENANT_MAX_CONNECTIONS", "default half of DATABASE_MAX_CONNECTIONS")
                .contains("JWT_SECRET", "secret, default random per run in development")
                .contains("FEATURE_*")
                .contains("78");
    }

    @Test
    void help_never_shows_a_secret_from_the_environment() {
        HostRun run = HostRun.of(Map.of("JWT_SECRET", JWT_SECRET), workingDirectory, "--help");

        assertThat(run.out()).doesNotContain(JWT_SECRET);
    }

    @Test
    void validate_config_prints_values_and_their_sources_and_exits_zero() {
        HostRun run = HostRun.of(Map.of("LOG_LEVEL", "debug", "JWT_SECRET", JWT_SECRET), workingDirectory,
                "--validate-config", "--port", "8080");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("PORT +8080 +command line")
                .containsPattern("LOG_LEVEL +debug +environment")
                .containsPattern("HOST +localhost +default")
                .containsPattern("JWT_SECRET +\\*{6} +environment")
                .containsPattern("ENCRYPTION_KEY +\\*{6} +generated")
                .doesNotContain(JWT_SECRET)
                .endsWith(String.format("The configuration is valid.%n"));
    }

    @Test
    void validate_config_reads_the_dot_env_file_of_the_working_directory() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "SERVICE_NAME=billing\n");

        assertThat(HostRun.of(Map.of(), workingDirectory, "--validate-config").out())
                .containsPattern("SERVICE_NAME +billing +\\.env");
    }

    @Test
    void development_warns_loudly_about_generated_secrets() {
        HostRun run = HostRun.of(Map.of(), workingDirectory, "--validate-config");

        assertThat(run.err()).contains("WARNING: JWT_SECRET is not set: using a random value generated for this run");
    }

    @Test
    void production_without_secrets_exits_78_with_one_line_per_missing_variable() {
        HostRun run = HostRun.of(Map.of("APP_ENV", "production"), workingDirectory, "--validate-config");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err().lines().filter(line -> line.startsWith("  - ")))
                .extracting(line -> line.substring(4, line.indexOf(' ', 4)))
                .containsExactly("DATABASE_URL", "DATABASE_MIGRATION_URL", "JWT_SECRET", "ENCRYPTION_KEY");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void starting_with_an_invalid_configuration_exits_78() {
        HostRun run = HostRun.of(Map.of("PORT", "99999"), workingDirectory);

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err()).contains("PORT (environment): must be less than or equal to 65535");
    }

    @Test
    void the_env_flag_selects_the_environment_and_wins_over_app_env() {
        HostRun run = HostRun.of(Map.of("APP_ENV", "development"), workingDirectory, "--env", "production");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err()).contains("JWT_SECRET (not set): is required in production");
    }

    @Test
    void an_unknown_flag_is_a_usage_error() {
        HostRun run = HostRun.of(Map.of(), workingDirectory, "--no-such-flag");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-flag'");
    }

    @Test
    void a_malformed_dot_env_file_exits_78_naming_the_line() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "PORT=1\nnot an assignment\n");

        HostRun run = HostRun.of(Map.of(), workingDirectory);

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err()).contains(".env line 2");
    }

    @Test
    void version_names_the_product() {
        assertThat(HostRun.of(Map.of(), workingDirectory, "--version").out()).startsWith("ERP Core ");
    }
}
