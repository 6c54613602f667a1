package io.erpcore.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The run's chart as SVG text: closed-loop throughput per configuration (bars at the median, a
 * whisker from the slowest to the fastest round), then p50, p90 and p99 latency per configuration
 * at fixed concurrency and at the fixed rate. Written by hand, element by element: three bar panels
 * need no charting library.
 */
final class LoadChart {

    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 250;
    private static final int TOP = 70;
    private static final int LEFT = 60;
    private static final String[] CONFIG_COLOURS = {"#4e79a7", "#f28e2b", "#59a14f"};
    private static final String[] PERCENTILE_COLOURS = {"#9ecae1", "#4292c6", "#08519c"};
    private static final String[] PERCENTILES = {"p50", "p90", "p99"};

    private LoadChart() {
    }

    static String svg(LoadResults results) {
        int width = LEFT + 3 * (PANEL_WIDTH + LEFT);
        int height = TOP + PANEL_HEIGHT + 90;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", width, height,
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(svg, LEFT, 24, 16, "start", "GET /api/v1/users?limit=" + results.settings().get("pageLimit") + ": "
                + results.settings().get("tenants") + " tenants x " + results.settings().get("usersPerTenant")
                + " users, run of " + results.startedAt());
        throughput(svg, results, LEFT);
        latency(svg, results.closedLoop(), LEFT + PANEL_WIDTH + LEFT, "Latency at " + results.settings()
                .get("closedLoopConnections") + " connections (ms)");
        latency(svg, results.openLoop(), LEFT + 2 * (PANEL_WIDTH + LEFT), String.format(Locale.ROOT,
                "Latency at %.0f requests/s (ms)", results.openLoopRate()));
        legend(svg, results, TOP + PANEL_HEIGHT + 50);
        return svg.append("</svg>\n").toString();
    }

    private static void throughput(StringBuilder svg, LoadResults results, int x) {
        List<LoadResults.Summary> summaries = results.closedLoop();
        double top = niceCeiling(summaries.stream().mapToDouble(LoadResults.Summary::throughputMax).max().orElse(1));
        axes(svg, x, "Requests/s at " + results.settings().get("closedLoopConnections") + " connections", top);
        double slot = PANEL_WIDTH / 3.0;
        for (int i = 0; i < summaries.size(); i++) {
            LoadResults.Summary summary = summaries.get(i);
            double barX = x + i * slot + slot * 0.2;
            double barWidth = slot * 0.6;
            bar(svg, barX, barWidth, summary.throughputMedian() / top, CONFIG_COLOURS[i]);
            double low = y(summary.throughputMin() / top);
            double high = y(summary.throughputMax() / top);
            double middle = barX + barWidth / 2;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fH%.1f\""
                    + " stroke=\"#333\" fill=\"none\"/>%n", middle - 6, low, middle + 6, middle, low, high, middle - 6, high,
                    middle + 6));
            text(svg, barX + barWidth + 4, y(summary.throughputMedian() / top) + 4, 11, "start",
                    String.format(Locale.ROOT, "%,.0f", summary.throughputMedian()));
            text(svg, middle, TOP + PANEL_HEIGHT + 16, 12, "middle", "(" + summary.key() + ")");
        }
    }

    private static void latency(StringBuilder svg, List<LoadResults.Summary> summaries, int x, String title) {
        List<ToDoubleFunction<LoadResults.Summary>> figures = List.of(LoadResults.Summary::p50Ms,
                LoadResults.Summary::p90Ms, LoadResults.Summary::p99Ms);
        double top = niceCeiling(summaries.stream().mapToDouble(LoadResults.Summary::p99Ms).max().orElse(1));
        axes(svg, x, title, top);
        double slot = PANEL_WIDTH / 3.0;
        for (int i = 0; i < summaries.size(); i++) {
            LoadResults.Summary summary = summaries.get(i);
            double barWidth = slot * 0.8 / 3;
            for (int p = 0; p < 3; p++) {
                double value = figures.get(p).applyAsDouble(summary);
                double barX = x + i * slot + slot * 0.1 + p * barWidth;
                bar(svg, barX, barWidth - 2, value / top, PERCENTILE_COLOURS[p]);
                text(svg, barX + barWidth / 2 - 1, y(value / top) - 4, 9, "middle", String.format(Locale.ROOT, "%.1f", value));
            }
            text(svg, x + i * slot + slot / 2, TOP + PANEL_HEIGHT + 16, 12, "middle", "(" + summary.key() + ")");
        }
    }

    private static void axes(StringBuilder svg, int x, String title, double top) {
        text(svg, x, TOP - 24, 13, "start", title);
        for (int step = 0; step <= 4; step++) {
            double lineY = y(step / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    x, lineY, x + PANEL_WIDTH, lineY));
            text(svg, x - 6, lineY + 4, 10, "end", format(top * step / 4));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                x, TOP + PANEL_HEIGHT, x + PANEL_WIDTH, TOP + PANEL_HEIGHT));
    }

    private static void legend(StringBuilder svg, LoadResults results, int legendY) {
        for (int i = 0; i < LoadResults.KEYS.size(); i++) {
            String key = LoadResults.KEYS.get(i);
            int x = LEFT + i * 300;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, legendY - 10, CONFIG_COLOURS[i]));
            text(svg, x + 18, legendY, 12, "start", "(" + key + ") " + results.closed(key).name());
        }
        for (int p = 0; p < PERCENTILES.length; p++) {
            int x = LEFT + p * 120;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, legendY + 12, PERCENTILE_COLOURS[p]));
            text(svg, x + 18, legendY + 22, 12, "start", PERCENTILES[p] + " latency");
        }
    }

    private static void bar(StringBuilder svg, double x, double width, double share, String colour) {
        double top = y(share);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, top, width, TOP + PANEL_HEIGHT - top, colour));
    }

    private static double y(double share) {
        return TOP + PANEL_HEIGHT * (1 - Math.max(0, Math.min(1, share)));
    }

    private static void text(StringBuilder svg, double x, double y, int size, String anchor, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, anchor, content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }

    /** 1, 2, 4 or 8 times a power of ten, at least {@code value}: a scale whose quarters read well. */
    private static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double step : new double[] {1, 2, 4, 8, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double value) {
        if (value == 0 || value >= 10) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 1 ? "%.1f" : "%.2f", value);
    }
}
