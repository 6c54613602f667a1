package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Development without DATABASE_URL: the host runs its own PostgreSQL, seeds the demo tenant once,
 * serves, and keeps data and secrets for the next start. Each run stops as soon as it serves.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path workingDirectory;

    @Test
    void starts_twice_on_the_same_data() {
        String first = startInDevelopment();
        String second = startInDevelopment();

        assertThat(workingDirectory.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(first).contains("Embedded PostgreSQL on localhost:", "(created)", "Migrations applied", "Database ready",
                "ERP Core is listening on http://localhost:", "ERP Core stopped");
        assertThat(second).contains("(reused)", "Database ready", "ERP Core is listening on http://localhost:");
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid"))).as("stopped cleanly").isFalse();
    }

    @Test
    void seeds_the_demo_tenant_once_and_logs_its_password_once() {
        String first = startInDevelopment();
        String second = startInDevelopment();

        assertThat(first).containsPattern("sign in with tenant demo, e-mail owner@demo.local and the password "
                + "[A-Za-z0-9_-]{24} \\(shown this once\\)");
        assertThat(second).doesNotContain("Development seed", "the password");
        assertThat(second).contains("Development secrets (JWT_SECRET, ENCRYPTION_KEY) are read from data/dev-secrets.properties");
    }

    /** Runs the host with no variables at all and returns what it logged. */
    private String startInDevelopment() {
        PrintStream original = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            HostRun run = HostRun.of(Map.of(), workingDirectory, "--port", "0");
            assertThat(run.exitCode()).as(run.err()).isZero();
        } finally {
            System.setOut(original);
        }
        return logged.toString(StandardCharsets.UTF_8);
    }
}
