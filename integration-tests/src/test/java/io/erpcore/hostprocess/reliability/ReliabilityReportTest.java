package io.erpcore.hostprocess.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_result_appears_under_its_section_with_its_settings_and_figures_after_the_machine() throws Exception {
        String report = ReliabilityReport.render("mvn -Preliability verify", List.of(
                result("scale-out", "ScaleOutTest", "a_token_is_honoured", "{\"figure\":\"status\",\"value\":200,\"unit\":\"\","
                        + "\"meaning\":\"GET on B\"}"),
                result("faults", "DatabaseStopUnderLoadTest", "a_database_stopped", "{\"figure\":\"503 latency p99\","
                        + "\"value\":1578.1,\"unit\":\"ms\",\"meaning\":\"bound 3000 ms | twice the timeout\"}")));

        assertThat(report).contains("```bash\nmvn -Preliability verify\n```", "| CPUs | " + Runtime.getRuntime().availableProcessors(),
                "| Java | " + System.getProperty("java.version"), "### A database stopped\n",
                "Settings: `DATABASE_ACQUIRE_TIMEOUT`: 1500.",
                "| 503 latency p99 | 1,578.1 ms | bound 3000 ms \\| twice the timeout |", "| status | 200 | GET on B |");
        assertThat(report.indexOf("## Faults")).isLessThan(report.indexOf("### A database stopped"));
        assertThat(report.indexOf("### A database stopped")).isLessThan(report.indexOf("## Scale-out"));
        assertThat(report.indexOf("## Scale-out")).isLessThan(report.indexOf("### A token is honoured"));
        assertThat(report).doesNotContain("## Bad input");
    }

    @Test
    void a_result_of_an_unknown_section_is_refused() throws Exception {
        assertThatThrownBy(() -> ReliabilityReport.render("mvn", List.of(result("chaos", "ChaosTest", "x", ""))))
                .hasMessageContaining("no section 'chaos'");
    }

    private static JsonNode result(String section, String testClass, String name, String figure) throws Exception {
        return JSON.readTree("{\"section\":\"" + section + "\",\"testClass\":\"" + testClass + "\",\"name\":\"" + name
                + "\",\"behaviour\":\"What was done\",\"recordedAt\":\"2026-01-02T03:04:05Z\","
                + "\"settings\":{\"DATABASE_ACQUIRE_TIMEOUT\":\"1500\"},\"figures\":[" + figure + "]}");
    }
}
