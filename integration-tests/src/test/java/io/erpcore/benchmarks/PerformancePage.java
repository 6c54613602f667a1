package io.erpcore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The text of {@code docs/PERFORMANCE.md}, made from a run's {@link LoadResults} and JMH's results. */
final class PerformancePage {

    private PerformancePage() {
    }

    static String markdown(LoadResults results, JsonNode jmh, PerformanceReport.Notes notes) {
        StringBuilder page = new StringBuilder();
        page.append("# Performance\n\n");
        page.append("<!-- Written by io.erpcore.benchmarks.UsersLoadHarness at the end of a run; do not edit by hand,\n"
                + "     except between the notes markers at the end: run the command below again. -->\n\n");
        page.append("What `GET /api/v1/users?limit=").append(results.settings().get("pageLimit")).append("` costs, on the")
                .append(" machine below, in three configurations. Every figure, table and the chart on this page come")
                .append(" from one run of the load harness, which writes this page at its end; the raw figures of every")
                .append(" round are in [performance/load-results.json](performance/load-results.json).\n\n");
        configurations(page, results);
        machine(page, results);
        command(page, results);
        closedLoop(page, results);
        ratios(page, results);
        openLoop(page, results);
        memory(page, results);
        page.append("## Chart\n\n![Throughput and latency per configuration](performance/load-chart.svg)\n\n");
        meanings(page, results);
        JmhTable.append(page, jmh);
        page.append("## Notes\n\n");
        page.append(notes.block(results));
        return page.toString();
    }

    private static void configurations(StringBuilder page, LoadResults results) {
        page.append("| | configuration | what serves the request |\n|---|---|---|\n");
        for (LoadResults.Server server : results.servers()) {
            page.append("| (").append(server.key()).append(") | ").append(server.name()).append(" | ")
                    .append(server.description()).append(" |\n");
        }
        page.append("\nAll three run side by side in one JVM, each on a Jetty server, a port and a database pool of its")
                .append(" own: the packaged host, started by its own `main` from `app-host-runnable.jar` as `java -jar`")
                .append(" starts it, and the harness's two bare routes (`BareUsersServer`, in integration-tests' test")
                .append(" sources; they never ship). One start, one JIT, one heap: the ratios compare the configurations,")
                .append(" not how differently three JVMs happened to compile and settle. The JVM runs with the flags `")
                .append(results.settings().get("jvmFlags")).append("` and the host's environment. Every server first")
                .append(" answers every tenant once, and the three answers must be the same JSON, or the run stops.\n\n");
    }

    private static void machine(StringBuilder page, LoadResults results) {
        Map<String, Object> machine = results.machine();
        page.append("## The machine\n\n| | |\n|---|---|\n");
        page.append("| processors | ").append(machine.get("processors")).append(" (").append(machine.get("cpuModel")).append(") |\n");
        page.append("| memory | ").append(machine.get("memoryMiB")).append(" MiB |\n");
        page.append("| system | ").append(machine.get("os")).append(", ").append(machine.get("kernel")).append(" |\n");
        page.append("| Java | ").append(machine.get("java")).append(" (harness and servers) |\n");
        page.append("| database | ").append(results.postgres()).append(", ").append(results.databaseServer()).append(" |\n");
        page.append("| load average (1, 5, 15 min) | ").append(results.loadAverageAtStart()).append(" at the start, ")
                .append(results.loadAverageAtEnd()).append(" at the end |\n");
        page.append(String.format(Locale.ROOT, "| run | started %s, took %.1f minutes |%n%n", results.startedAt(),
                results.minutes()));
        page.append("Client, servers and PostgreSQL share these processors, and other work on the machine may too. The")
                .append(" load average counts this run's own threads as well (at the start it is the machine's alone);")
                .append(" what other processes took is measured per phase, from `/proc/stat` less the CPU time of the")
                .append(" harness, its servers and their database backends: ").append(otherWork(results)).append("\n\n");
    }

    private static void command(StringBuilder page, LoadResults results) {
        page.append("## The command\n\nFrom the repository root:\n\n```bash\n");
        String url = System.getenv("ERP_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            page.append("ERP_TEST_DATABASE_URL=").append(url.replaceAll("://([^:@/]+):[^@/]*@", "://$1:******@"))
                    .append(" \\\n  ");
        }
        page.append(results.command()).append("\n```\n\n");
        Map<String, Object> settings = results.settings();
        page.append(String.format(Locale.ROOT, "Settings: %s tenants x %s users (seeded in bulk SQL as the owner role,"
                + " one precomputed password hash, no phone numbers), %s tokens per tenant (its owner and admins), requests"
                + " spread over every tenant; %s warm-up rounds of %s s per configuration, then %s rounds of %s s per"
                + " configuration at %s connections (closed loop) and %s rounds of %s s at %.0f requests/s over up to %s"
                + " connections (open loop), the order rotating each round.%n%n", settings.get("tenants"),
                settings.get("usersPerTenant"), settings.get("tokensPerTenant"), settings.get("warmupRounds"),
                settings.get("warmupSeconds"), settings.get("rounds"), settings.get("secondsPerPhase"),
                settings.get("closedLoopConnections"), settings.get("rounds"), settings.get("secondsPerPhase"),
                results.openLoopRate(), settings.get("openLoopConnections")));
        page.append("The servers' environment, besides the database URLs and the secrets: ");
        results.serverEnvironment().forEach((name, value) -> page.append('`').append(name).append('=').append(value).append("` "));
        page.append("\n\nThe rate limits are set so high that they never refuse (they still count every request: their")
                .append(" work is part of (a)); nothing else differs from production's defaults. Without `REDIS_URL` the")
                .append(" limits count in the process, as in a single replica.\n\n");
    }

    private static void closedLoop(StringBuilder page, LoadResults results) {
        page.append("## Fixed concurrency (closed loop, ").append(results.settings().get("closedLoopConnections"))
                .append(" connections)\n\n");
        page.append("| | requests/s (median) | slowest - fastest round | p50 ms | p90 ms | p99 ms | max ms | errors |")
                .append(" server CPU µs/request | database CPU µs/request | other work |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadResults.Summary s : results.closedLoop()) {
            page.append(String.format(Locale.ROOT, "| (%s) %s | %,.0f | %,.0f - %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s | %s |%n",
                    s.key(), s.name(), s.throughputMedian(), s.throughputMin(), s.throughputMax(), s.p50Ms(), s.p90Ms(),
                    s.p99Ms(), s.maxMs(), s.errors(), micros(s.serverCpuMicros()), micros(s.databaseCpuMicros()),
                    percent(s.otherWorkShare())));
        }
        page.append('\n');
    }

    private static void ratios(StringBuilder page, LoadResults results) {
        page.append("## The ratios\n\nClosed-loop throughput, divided round by round; the median of the rounds' ratios:\n\n");
        page.append("| ratio | what it says | median | lowest - highest round | target | |\n|---|---|---|---|---|---|\n");
        for (LoadResults.Ratio ratio : results.ratios()) {
            page.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f - %.3f | >= %.2f | %s |%n", ratio.name(),
                    ratio.meaning(), ratio.median(), ratio.min(), ratio.max(), ratio.target(),
                    ratio.met() ? "met" : "**missed**"));
        }
        page.append('\n');
    }

    private static void openLoop(StringBuilder page, LoadResults results) {
        page.append(String.format(Locale.ROOT, "## Fixed rate (open loop, %.0f requests/s)%n%n", results.openLoopRate()));
        page.append("| | requests/s answered (median) | p50 ms | p90 ms | p99 ms | max ms | errors | unsent |")
                .append(" server CPU µs/request | database CPU µs/request | other work |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadResults.Summary s : results.openLoop()) {
            page.append(String.format(Locale.ROOT, "| (%s) %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %s | %s | %s |%n",
                    s.key(), s.name(), s.throughputMedian(), s.p50Ms(), s.p90Ms(), s.p99Ms(), s.maxMs(), s.errors(),
                    s.unsent(), micros(s.serverCpuMicros()), micros(s.databaseCpuMicros()), percent(s.otherWorkShare())));
        }
        page.append('\n');
    }

    private static void memory(StringBuilder page, LoadResults results) {
        page.append("## Memory\n\n| | resident after start-up | peak resident (VmHWM) | resident at the end |\n|---|---|---|---|\n");
        // Servers that share a JVM share its memory: one row per JVM.
        Map<Long, List<LoadResults.Server>> byJvm = results.servers().stream()
                .collect(Collectors.groupingBy(LoadResults.Server::pid, LinkedHashMap::new, Collectors.toList()));
        for (List<LoadResults.Server> jvm : byJvm.values()) {
            LoadResults.Server s = jvm.get(0);
            String label = jvm.size() == 1 ? "(" + s.key() + ") " + s.name()
                    : "the JVM of " + jvm.stream().map(server -> "(" + server.key() + ")").collect(Collectors.joining(", "));
            page.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, mib(s.rssAfterStartMiB()),
                    mib(s.peakRssMiB()), mib(s.rssAtEndMiB())));
        }
        page.append('\n');
    }

    private static void meanings(StringBuilder page, LoadResults results) {
        page.append("## What each figure means\n\n");
        page.append("- **requests/s** (closed loop): 200 answers per second while each connection keeps one request in")
                .append(" flight, sending the next as soon as an answer is read, on kept-alive HTTP/1.1. The median of")
                .append(" the rounds; the slowest and fastest rounds beside it show how much the machine drifted. The")
                .append(" client shares the processors with the servers and PostgreSQL, so this is what the whole")
                .append(" machine serves, not the server alone.\n");
        page.append("- **p50, p90, p99** (closed loop): of the time from writing a request to reading its whole answer,")
                .append(" per round, and the median of the rounds. In a closed loop a stalled answer also holds back the")
                .append(" requests its connection would have sent, so these understate what waiting users see; the open")
                .append(" loop's do not.\n");
        page.append("- **max**: the slowest single answer in any round (garbage collection, JIT, the machine's other work).\n");
        page.append("- **open loop**: requests fall due at a constant rate whatever the server does (by default half the")
                .append(" slowest configuration's closed-loop median, the same rate for all three), and each latency is")
                .append(" counted from when its request was due, not from when it was sent: a request that waited for a")
                .append(" free connection behind a stall is charged the wait. This corrects coordinated omission (as")
                .append(" wrk2 does); these are the latencies to hold against a service-level objective.\n");
        page.append("- **errors**: answers other than 200 and failed connections; **unsent**: open-loop requests still")
                .append(" not sent 10 s after their phase ended. A run with errors says so here; it does not hide them.\n");
        page.append("- **server CPU µs/request**: the server JVM's user and system CPU time during the phase (every")
                .append(" thread: Jetty, the handler, JSON, JDBC, garbage collection, JIT), divided by the requests answered.")
                .append(" Only the phase's configuration is loaded; the others' threads wait meanwhile.\n");
        page.append("- **database CPU µs/request**: the CPU time of the PostgreSQL backends of that server's pool (found")
                .append(" by `application_name`), divided the same way: what the database spends per request, row-level")
                .append(" security included. Read from `/proc`, so only where PostgreSQL runs on this machine (`-` otherwise).\n");
        page.append("- **other work**: the share of the machine's CPU capacity (all processors) that processes other")
                .append(" than this run's used during the configuration's phases, the median of them: other builds and")
                .append(" tests, other databases of a shared PostgreSQL. Figures measured while it is high are disturbed.\n");
        page.append("- **resident memory**: `VmRSS` after start-up, before any request; `VmHWM`, the most the process")
                .append(" ever held resident, which is what a container's memory limit must allow; `VmRSS` at the end.")
                .append(" With these flags the heap alone may grow to 768 MiB, so the figures are what the JVM chose to")
                .append(" use under this load, not a floor. A JVM that serves all three holds the bare routes' servers and")
                .append(" pools too: the host alone holds less.\n");
        page.append("- **a/b** is the share of the bare route's throughput that the product keeps with its whole chain")
                .append(" (correlation id, security headers, CORS, client address, rate limits and slow-down, token")
                .append(" authentication and the user's status, tenant resolution, authorization, metrics, the request")
                .append(" log); **b/c** the share of the unscoped read's throughput that the tenant-scoped read keeps")
                .append(" (the executor's bulkhead, retry and statement metrics, `set_config` and the row-level policy);")
                .append(" **a/c** both together, the product against the same rows read without either.\n\n");
    }

    /** The median and the largest share of the machine that other processes took during a measured phase. */
    private static String otherWork(LoadResults results) {
        List<Double> shares = results.phases().stream().map(LoadResults.Phase::otherWorkShare).filter(v -> v >= 0).toList();
        if (shares.isEmpty()) {
            return "not readable on this system.";
        }
        return String.format(Locale.ROOT, "in the median phase %s of the machine's CPU capacity, in the busiest %s"
                + " (the tables' last column gives each configuration's median).", percent(LoadResults.median(shares)),
                percent(shares.stream().mapToDouble(v -> v).max().orElse(0)));
    }

    private static String percent(double share) {
        return share < 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String micros(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String mib(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", value);
    }
}
