package io.erpcore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a run's results where the docs keep them: {@code performance/load-results.json} (every
 * figure), {@code performance/load-chart.svg} and {@code PERFORMANCE.md}, whose tables are made
 * from the same results and from JMH's {@code jmh-results.json}. Nothing in the page's figures is
 * typed by hand. The one hand-written part, the notes between {@code notes:start} and
 * {@code notes:end}, is carried over from the page being replaced, marked when it was written
 * about an earlier run.
 */
final class PerformanceReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern NOTES = Pattern.compile("<!-- notes:start run=(\\S+) -->\\R(.*?)<!-- notes:end -->",
            Pattern.DOTALL);

    private PerformanceReport() {
    }

    /** Writes the three files under {@code options.out()}. */
    static void write(LoadResults results, LoadOptions options) throws IOException {
        Path performance = options.out().resolve("performance");
        Files.createDirectories(performance);
        JSON.writeValue(performance.resolve("load-results.json").toFile(), results);
        Files.writeString(performance.resolve("load-chart.svg"), LoadChart.svg(results), StandardCharsets.UTF_8);
        Path page = options.out().resolve("PERFORMANCE.md");
        Notes notes = Files.exists(page) ? notes(Files.readString(page, StandardCharsets.UTF_8), results)
                : new Notes(results.startedAt(), "");
        Files.writeString(page, PerformancePage.markdown(results, jmh(options.jmhResults()), notes), StandardCharsets.UTF_8);
        UsersLoadHarness.log("wrote " + page.toAbsolutePath().normalize() + " and " + performance.toAbsolutePath().normalize());
    }

    /** The figures that matter, for the console at the end of a run. */
    static String summary(LoadResults results) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nclosed loop, %s connections:%n",
                results.settings().get("closedLoopConnections")));
        for (LoadResults.Summary s : results.closedLoop()) {
            text.append(String.format(Locale.ROOT, "  (%s) %-28s %9.0f requests/s  p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms"
                    + "  errors %d  peak RSS %.0f MiB%n", s.key(), s.name(), s.throughputMedian(), s.p50Ms(), s.p90Ms(),
                    s.p99Ms(), s.maxMs(), s.errors(), results.server(s.key()).peakRssMiB()));
        }
        text.append(String.format(Locale.ROOT, "open loop, %.0f requests/s:%n", results.openLoopRate()));
        for (LoadResults.Summary s : results.openLoop()) {
            text.append(String.format(Locale.ROOT, "  (%s) %-28s %9.0f requests/s  p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms"
                    + "  errors %d  unsent %d%n", s.key(), s.name(), s.throughputMedian(), s.p50Ms(), s.p90Ms(), s.p99Ms(),
                    s.maxMs(), s.errors(), s.unsent()));
        }
        for (LoadResults.Ratio ratio : results.ratios()) {
            text.append(String.format(Locale.ROOT, "%s = %.3f (min %.3f, max %.3f), target %.2f: %s%n", ratio.name(),
                    ratio.median(), ratio.min(), ratio.max(), ratio.target(), ratio.met() ? "met" : "missed"));
        }
        return text.append(String.format(Locale.ROOT, "load average %s at start, %s at end; %.1f minutes%n",
                results.loadAverageAtStart(), results.loadAverageAtEnd(), results.minutes())).toString();
    }

    /** The JMH results, or null when the file is missing. */
    private static JsonNode jmh(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
    }

    /**
     * The hand-written notes of a page and the run they were written about; a page is written with
     * them between {@code <!-- notes:start run=... -->} and {@code <!-- notes:end -->}, preceded
     * by a warning when that run is not the page's.
     */
    record Notes(String run, String body) {

        String block(LoadResults results) {
            String warning = run.equals(results.startedAt()) || body.isBlank() ? ""
                    : "> These notes were written about the run of " + run + "; the figures above are from a later run.\n\n";
            return "<!-- notes:start run=" + run + " -->\n" + warning + body + "<!-- notes:end -->\n";
        }
    }

    /** The notes of the old page; none (for this run) when it has none. */
    private static Notes notes(String oldPage, LoadResults results) {
        Matcher matcher = NOTES.matcher(oldPage);
        if (!matcher.find() || matcher.group(2).isBlank()) {
            return new Notes(results.startedAt(), "");
        }
        String body = matcher.group(2).replaceFirst("^> These notes were written about the run of [^\\n]*\\R\\R", "");
        return new Notes(body.isBlank() ? results.startedAt() : matcher.group(1), body);
    }
}
