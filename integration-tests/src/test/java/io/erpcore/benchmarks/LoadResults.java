package io.erpcore.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Everything one harness run measured, as written to {@code load-results.json} and read by the
 * report and the chart. Latencies are milliseconds, CPU times microseconds per answered request,
 * memory MiB, {@code otherWorkShare} the fraction of the machine's CPU capacity that processes
 * other than the run's own used during a phase; -1 stands for a figure this system could not read.
 */
record LoadResults(String startedAt, double minutes, Map<String, Object> machine, String postgres, String databaseServer,
        String loadAverageAtStart, String loadAverageAtEnd, String command, Map<String, Object> settings,
        Map<String, String> serverEnvironment, double openLoopRate, List<Server> servers, List<Summary> closedLoop,
        List<Summary> openLoop, List<Ratio> ratios, List<Phase> phases) {

    /** The three configurations, in the order of the issue: the full chain, the bare route, the unscoped read. */
    static final List<String> KEYS = List.of("a", "b", "c");

    /** One server process: what it is and its memory. */
    record Server(String key, String name, String description, long pid, double rssAfterStartMiB, double peakRssMiB,
            double rssAtEndMiB) {
    }

    /** One measured phase: a configuration in one round of one mode ({@code closed} or {@code open}). */
    record Phase(String mode, int round, String key, double seconds, long answered, long errors, long unsent,
            double throughput, double p50Ms, double p90Ms, double p99Ms, double maxMs, double serverCpuMicros,
            double databaseCpuMicros, double otherWorkShare) {
    }

    /**
     * A configuration's figures over the rounds of one mode: throughput and the latency percentiles
     * as medians of the rounds' own, max as the largest of any round, counts as sums.
     */
    record Summary(String key, String name, double throughputMedian, double throughputMin, double throughputMax,
            double p50Ms, double p90Ms, double p99Ms, double maxMs, long answered, long errors, long unsent,
            double serverCpuMicros, double databaseCpuMicros, double otherWorkShare) {
    }

    /** The median of the per-round ratios of two configurations' closed-loop throughput, against its target. */
    record Ratio(String name, String meaning, double median, double min, double max, double target) {

        boolean met() {
            return median >= target;
        }
    }

    /** The summaries of {@code mode}'s phases, one per configuration. */
    static List<Summary> summarise(List<Phase> phases, String mode, Map<String, String> names) {
        List<Summary> summaries = new ArrayList<>();
        for (String key : KEYS) {
            List<Phase> mine = phases.stream().filter(p -> p.mode().equals(mode) && p.key().equals(key)).toList();
            summaries.add(new Summary(key, names.get(key), median(mine, Phase::throughput),
                    mine.stream().mapToDouble(Phase::throughput).min().orElse(0),
                    mine.stream().mapToDouble(Phase::throughput).max().orElse(0), median(mine, Phase::p50Ms),
                    median(mine, Phase::p90Ms), median(mine, Phase::p99Ms),
                    mine.stream().mapToDouble(Phase::maxMs).max().orElse(0),
                    mine.stream().mapToLong(Phase::answered).sum(), mine.stream().mapToLong(Phase::errors).sum(),
                    mine.stream().mapToLong(Phase::unsent).sum(), median(mine, Phase::serverCpuMicros),
                    median(mine, Phase::databaseCpuMicros), median(mine, Phase::otherWorkShare)));
        }
        return summaries;
    }

    /** The closed-loop throughput of {@code over} divided by that of {@code under}, round by round. */
    static Ratio ratio(List<Phase> phases, String over, String under, String meaning, double target) {
        List<Double> ratios = new ArrayList<>();
        for (Phase phase : phases) {
            if (phase.mode().equals("closed") && phase.key().equals(over)) {
                phases.stream().filter(p -> p.mode().equals("closed") && p.round() == phase.round() && p.key().equals(under))
                        .findFirst().ifPresent(other -> ratios.add(phase.throughput() / other.throughput()));
            }
        }
        return new Ratio(over + "/" + under, meaning, round(median(ratios), 4),
                round(ratios.stream().mapToDouble(v -> v).min().orElse(0), 4),
                round(ratios.stream().mapToDouble(v -> v).max().orElse(0), 4), target);
    }

    Summary closed(String key) {
        return closedLoop.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    Summary open(String key) {
        return openLoop.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    Server server(String key) {
        return servers.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static double median(List<Phase> phases, ToDoubleFunction<Phase> figure) {
        return round(median(phases.stream().map(figure::applyAsDouble).toList()), 3);
    }

    /** {@code value} rounded to {@code decimals} places, for a results file that reads without noise digits. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] sorted = values.stream().mapToDouble(v -> v).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
