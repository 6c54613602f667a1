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

/** Development without DATABASE_URL: the host runs its own PostgreSQL and keeps the data for the next start. */
class EmbeddedDefaultTest {

    @TempDir
    Path workingDirectory;

    @Test
    void starts_twice_on_the_same_data() {
        String first = startInDevelopment();
        String second = startInDevelopment();

        assertThat(workingDirectory.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(first).contains("Embedded PostgreSQL on localhost:", "(created)", "Migrations applied", "Database ready");
        assertThat(second).contains("(reused)", "Database ready");
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid"))).as("stopped cleanly").isFalse();
    }

    /** Runs the host with no variables at all and returns what it logged. */
    private String startInDevelopment() {
        PrintStream original = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            HostRun run = HostRun.of(Map.of(), workingDirectory);
            assertThat(run.exitCode()).as(run.err()).isZero();
        } finally {
            System.setOut(original);
        }
        return logged.toString(StandardCharsets.UTF_8);
    }
}
