package io.erpcore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The load harness in a tiny configuration, so CI knows that the documented full run still works:
 * the packaged host and both bare routes start side by side in one JVM, answer every tenant alike, carry load in both
 * loops without an error, and the report, the results and the chart are written, here under
 * {@code target/}, never over the committed ones in {@code docs/}. Its figures mean nothing:
 * seconds-long phases on a cold JVM. About 40 s.
 */
class UsersLoadHarnessSmokeTest {

    private static final Path OUT = Path.of("target", "load-smoke");

    @Test
    void a_tiny_run_loads_all_three_servers_without_errors_and_writes_the_report_under_target() throws Exception {
        deleteRecursively(OUT);

        LoadResults results = UsersLoadHarness.run(LoadOptions.parse("--tenants", "3", "--users", "25", "--readers", "2",
                "--warmup-rounds", "1", "--warmup-seconds", "1", "--rounds", "2", "--seconds", "1", "--connections", "4",
                "--open-connections", "8", "--out", OUT.toString(), "--work", OUT.resolve("servers").toString()));

        assertThat(results.closedLoop()).extracting(LoadResults.Summary::key).containsExactly("a", "b", "c");
        assertThat(results.closedLoop()).allSatisfy(summary -> {
            assertThat(summary.throughputMin()).as(summary.name()).isPositive();
            assertThat(summary.errors()).as(summary.name()).isZero();
            assertThat(summary.p50Ms()).as(summary.name()).isPositive().isLessThanOrEqualTo(summary.maxMs());
        });
        assertThat(results.openLoop()).allSatisfy(summary -> {
            assertThat(summary.answered()).as(summary.name()).isPositive();
            assertThat(summary.errors() + summary.unsent()).as(summary.name()).isZero();
        });
        assertThat(results.servers()).extracting(LoadResults.Server::pid).as("one JVM serves all three side by side")
                .containsOnly(results.servers().get(0).pid());
        assertThat(results.phases()).hasSize(2 * 2 * 3);
        assertThat(results.ratios()).extracting(LoadResults.Ratio::name).containsExactly("a/b", "b/c", "a/c");
        assertThat(results.ratios()).allSatisfy(ratio -> assertThat(ratio.median()).isPositive());
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertThat(results.servers()).allSatisfy(server -> assertThat(server.peakRssMiB()).isPositive());
        }

        String page = Files.readString(OUT.resolve("PERFORMANCE.md"), StandardCharsets.UTF_8);
        assertThat(page).contains("(a) full chain (app-host)", "(b) bare route, same query", "(c) unscoped read, BYPASSRLS",
                "## The ratios", "performance/load-chart.svg", "--tenants 3", "<!-- notes:start run=");
        assertThat(Files.readString(OUT.resolve("performance/load-chart.svg"), StandardCharsets.UTF_8))
                .startsWith("<svg").endsWith("</svg>\n");
        JsonNode json = new ObjectMapper().readTree(OUT.resolve("performance/load-results.json").toFile());
        assertThat(json.path("phases")).hasSize(12);
        assertThat(json.path("settings").path("tenants").asInt()).isEqualTo(3);
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
