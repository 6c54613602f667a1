package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
        assertThat(first).contains("Embedded PostgreSQL on localhost:", "(created)", "Migrations applied", "Start-up phase 'health checks' took",
                "ERP Core is listening on http://localhost:", "ERP Core stopped");
        assertThat(second).contains("(reused)", "Start-up phase 'health checks' took", "ERP Core is listening on http://localhost:");
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid"))).as("stopped cleanly").isFalse();
    }

    @Test
    void seeds_the_demo_tenant_once_and_shows_its_password_once_in_the_banner() {
        String first = startInDevelopment();
        String second = startInDevelopment();

        assertThat(first).containsPattern("sign in +with tenant demo, e-mail owner@demo.local and the password "
                + "[A-Za-z0-9_-]{24} \\(shown this once\\)");
        assertThat(second).doesNotContain("Development seed", "(shown this once)")
                .contains("with the password shown on the first start");
        assertThat(second).contains("Development secrets (JWT_SECRET, ENCRYPTION_KEY) are read from data/dev-secrets.properties");
    }

    @Test
    void a_taken_port_exits_75_and_seeds_nothing() throws IOException {
        String failed;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            failed = run(ExitCode.PORT_IN_USE, "--port", String.valueOf(taken.getLocalPort()));
        }
        String next = startInDevelopment();

        assertThat(failed).contains("Cannot listen on localhost:").doesNotContain("Development seed");
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid"))).as("stopped cleanly").isFalse();
        assertThat(next).contains("Development seed: created the tenant 'demo'");
    }

    /** Runs the host with no variables at all on a free port and returns what it logged. */
    private String startInDevelopment() {
        return run(ExitCode.OK, "--port", "0");
    }

    private String run(int expectedExitCode, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            HostRun run = HostRun.of(Map.of(), workingDirectory, args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExitCode);
        } finally {
            System.setOut(original);
        }
        return logged.toString(StandardCharsets.UTF_8);
    }
}
