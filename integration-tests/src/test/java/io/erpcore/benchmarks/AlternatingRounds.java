package io.erpcore.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's schedule: the servers loaded one after another in rounds, the order rotating each
 * round (a b c, c a b, b c a, ...) so that none always follows the same neighbour or goes first,
 * because on a small shared machine throughput drifts by more than the differences measured.
 * Unrecorded warm-up rounds first, then the closed-loop rounds, then the open-loop rounds at one
 * rate for all. Around each phase it reads the server's CPU time and that of its database backends.
 */
final class AlternatingRounds {

    /** The {@code application_name} of each server's pool: the host's is its SERVICE_NAME. */
    private static final Map<String, String> POOLS = Map.of("a", "erp-core", "b", "erp-load-bare", "c", "erp-load-bypass");
    private static final double AUTO_RATE_SHARE = 0.5;
    private static final long PAUSE_MILLIS = 300;

    private final List<ServerProcess> servers;
    private final List<byte[]> requests;
    private final DatabaseCpu database;
    private final LoadOptions options;
    private double rate;

    AlternatingRounds(List<ServerProcess> servers, List<byte[]> requests, DatabaseCpu database, LoadOptions options) {
        this.servers = servers;
        this.requests = requests;
        this.database = database;
        this.options = options;
    }

    /** Every phase of the run; the warm-up's are not among them. */
    List<LoadResults.Phase> runAll() throws InterruptedException {
        List<LoadResults.Phase> phases = new ArrayList<>();
        List<ServerProcess> order = new ArrayList<>(servers);
        for (int round = 1; round <= options.warmupRounds(); round++) {
            UsersLoadHarness.log("warm-up round " + round + " of " + options.warmupRounds());
            for (ServerProcess server : order) {
                LoadGenerator.closedLoop(server.port(), requests, options.connections(), options.warmup());
            }
            Collections.rotate(order, 1);
        }
        for (int round = 1; round <= options.rounds(); round++) {
            for (ServerProcess server : order) {
                phases.add(closed(server, round));
            }
            Collections.rotate(order, 1);
        }
        rate = options.rate().orElse(autoRate(phases));
        for (int round = 1; round <= options.rounds(); round++) {
            for (ServerProcess server : order) {
                phases.add(open(server, round));
            }
            Collections.rotate(order, 1);
        }
        return phases;
    }

    /** The open loop's rate: {@code --rate}, else half the slowest configuration's closed-loop median, in tens. */
    double rate() {
        return rate;
    }

    private LoadResults.Phase closed(ServerProcess server, int round) throws InterruptedException {
        return measure("closed", round, server, () -> LoadGenerator.closedLoop(server.port(), requests,
                options.connections(), options.phase()));
    }

    private LoadResults.Phase open(ServerProcess server, int round) throws InterruptedException {
        return measure("open", round, server, () -> LoadGenerator.openLoop(server.port(), requests,
                options.openConnections(), rate, options.phase()));
    }

    private interface Load {
        LoadGenerator.Measurement run() throws InterruptedException;
    }

    private LoadResults.Phase measure(String mode, int round, ServerProcess server, Load load) throws InterruptedException {
        Thread.sleep(PAUSE_MILLIS);
        String pool = POOLS.get(server.name());
        long serverBefore = server.cpuNanos();
        Map<Long, Long> databaseBefore = database.snapshot(pool);
        Ours oursBefore = ours();
        LoadGenerator.Measurement measured = load.run();
        Ours oursAfter = ours();
        long serverCpu = server.cpuNanos() - serverBefore;
        long databaseCpu = DatabaseCpu.between(databaseBefore, database.snapshot(pool));
        double otherShare = oursBefore.otherShareUntil(oursAfter);
        var latencies = measured.latencies();
        LoadResults.Phase phase = new LoadResults.Phase(mode, round, server.name(),
                LoadResults.round(measured.elapsedNanos() / 1e9, 3), measured.completed(), measured.errors(),
                measured.unsent(), LoadResults.round(measured.throughput(), 1),
                millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(90)),
                millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()),
                perRequest(serverBefore < 0 ? -1 : serverCpu, measured.completed()),
                perRequest(databaseCpu, measured.completed()), otherShare);
        UsersLoadHarness.log(String.format(Locale.ROOT, "%s round %d %s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms,"
                        + " %d errors, other work %.0f%% of the machine", mode, round, server.name(), phase.throughput(),
                phase.p50Ms(), phase.p99Ms(), phase.errors() + phase.unsent(), 100 * otherShare));
        return phase;
    }

    /**
     * The machine's busy CPU time and the part of it that is this run's: the harness's own JVM, the
     * three servers and their database backends, at one moment.
     */
    private record Ours(long wallNanos, long machineBusy, long processes, Map<Long, Long> backends) {

        /** The share of the machine's capacity that other work used from this moment until {@code later}; -1 if unknown. */
        double otherShareUntil(Ours later) {
            long backendCpu = DatabaseCpu.between(backends, later.backends);
            if (machineBusy < 0 || processes < 0 || later.processes < 0 || backendCpu < 0) {
                return -1;
            }
            long other = later.machineBusy - machineBusy - (later.processes - processes) - backendCpu;
            double capacity = (later.wallNanos - wallNanos) * (double) Runtime.getRuntime().availableProcessors();
            return LoadResults.round(Math.max(0, other / capacity), 3);
        }
    }

    private Ours ours() {
        long processes = ProcFacts.cpuNanos(ProcessHandle.current().pid());
        // Servers that share a JVM are counted once.
        for (long pid : servers.stream().mapToLong(ServerProcess::pid).distinct().toArray()) {
            long cpu = ProcFacts.cpuNanos(pid);
            processes = processes < 0 || cpu < 0 ? -1 : processes + cpu;
        }
        return new Ours(System.nanoTime(), ProcFacts.machineBusyNanos(), processes,
                database.snapshot(POOLS.values().toArray(String[]::new)));
    }

    private double autoRate(List<LoadResults.Phase> phases) {
        double slowest = LoadResults.summarise(phases, "closed", UsersLoadHarness.NAMES).stream()
                .mapToDouble(LoadResults.Summary::throughputMedian).min().orElse(0);
        return Math.max(10, Math.floor(slowest * AUTO_RATE_SHARE / 10) * 10);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static double perRequest(long nanos, long requests) {
        return nanos < 0 || requests == 0 ? -1 : LoadResults.round(nanos / 1000.0 / requests, 1);
    }
}
