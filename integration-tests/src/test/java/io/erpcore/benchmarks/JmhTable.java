package io.erpcore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The microbenchmarks' section of the performance page: a table made from JMH's JSON result file. */
final class JmhTable {

    private JmhTable() {
    }

    /** Appends the section; says so when there is no result file. */
    static void append(StringBuilder page, JsonNode results) {
        page.append("## Microbenchmarks (JMH)\n\n");
        if (results == null || !results.isArray() || results.isEmpty()) {
            page.append("No JMH results were found (`docs/performance/jmh-results.json`); the README's Benchmarks section")
                    .append(" has the command that makes them.\n\n");
            return;
        }
        JsonNode first = results.get(0);
        page.append("From [performance/jmh-results.json](performance/jmh-results.json), the last JMH run (JMH ")
                .append(first.path("jmhVersion").asText()).append(", JDK ").append(first.path("jdkVersion").asText())
                .append(String.format(Locale.ROOT, ", %d fork, %d warm-up and %d measured iterations of %s), written by the",
                        first.path("forks").asInt(), first.path("warmupIterations").asInt(),
                        first.path("measurementIterations").asInt(), first.path("measurementTime").asText()))
                .append(" benchmarks profile, not by this harness; the README's Benchmarks section says what each measures")
                .append(" and how that run went. Score with JMH's 99.9% error:\n\n");
        page.append("| benchmark | mode | threads | score | unit |\n|---|---|---|---|---|\n");
        List<JsonNode> rows = new ArrayList<>();
        results.forEach(rows::add);
        rows.sort(Comparator.comparing(row -> row.path("benchmark").asText()));
        for (JsonNode row : rows) {
            String benchmark = row.path("benchmark").asText();
            String[] parts = benchmark.split("\\.");
            String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
            JsonNode metric = row.path("primaryMetric");
            page.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %s ± %s | %s |%n", name,
                    row.path("mode").asText(), row.path("threads").asInt(), significant(metric.path("score").asDouble()),
                    significant(metric.path("scoreError").asDouble()), metric.path("scoreUnit").asText()));
        }
        page.append('\n');
    }

    /** Three significant digits, with thousands separated. */
    private static String significant(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (Math.abs(value) >= 100) {
            double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2);
            return String.format(Locale.ROOT, "%,.0f", Math.round(value / scale) * scale);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
